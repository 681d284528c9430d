import { osloOffsetMs, parseClock } from '../../common/time';
import type { ChargeWindow } from './types';

/**
 * Oslo wall-clock arithmetic on plain numbers, for the hot path. A "wall ms" is an instant plus its Oslo
 * offset (exactly what osloParts does before reading UTC fields), so day numbers, weekdays and minutes
 * agree with osloParts without allocating a Date or a string per occurrence.
 */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
// Oslo's offset changes twice a year, months apart: a range shorter than this changes it at most once.
const ONE_CHANGE_SPAN_MS = 7 * MS_PER_DAY;

export const toWallMs = (ms: number): number => ms + osloOffsetMs(ms);

/** Local day number: days since 1970-01-01 in Oslo. */
export const dayNumberOfWall = (wall: number): number => Math.floor(wall / MS_PER_DAY);

/** ISO weekday of a day number (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number): number => (((day % 7) + 10) % 7) + 1;

/** 'YYYY-MM-DD' → day number (assumes a valid date). */
export function dayNumberOfDate(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
  );
}

/**
 * Charge windows per weekday: index 1..7 holds [from, to, from, to, …] in ms since local midnight, sorted
 * and merged, so overlapping windows are charged once (their union).
 */
export type WeeklyWindows = readonly (readonly number[])[];

export function compileWindows(windows: readonly ChargeWindow[]): WeeklyWindows {
  const perDay: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const window of windows) {
    const from = parseClock(window.from);
    const to = parseClock(window.to);
    if (from === null || to === null || from >= to)
      throw new Error(`Bad charge window ${window.from}–${window.to}`);
    for (const weekday of window.weekdays) perDay[weekday].push([from * MS_PER_MINUTE, to * MS_PER_MINUTE]);
  }
  return perDay.map((ranges) => {
    ranges.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [from, to] of ranges) {
      const last = flat.length - 1;
      if (last > 0 && from <= flat[last]) flat[last] = Math.max(flat[last], to);
      else flat.push(from, to);
    }
    return flat;
  });
}

/**
 * Real milliseconds of [startMs, endMs) that fall inside the weekly wall-clock windows. The range is cut
 * where the Oslo offset changes; within a piece wall time runs at the speed of real time, so overlaps
 * measured in wall time are real durations: the skipped spring hour counts nothing, the repeated autumn
 * hour counts twice, as it is lived.
 */
export function msInsideWindows(startMs: number, endMs: number, weekly: WeeklyWindows): number {
  let total = 0;
  let pieceStart = startMs;
  while (pieceStart < endMs) {
    const offset = osloOffsetMs(pieceStart);
    let pieceEnd = endMs;
    if (osloOffsetMs(endMs - 1) !== offset || endMs - pieceStart > ONE_CHANGE_SPAN_MS) {
      // Offsets change on whole UTC hours: find the first hour with another offset.
      let hour = (Math.floor(pieceStart / MS_PER_HOUR) + 1) * MS_PER_HOUR;
      while (hour < endMs && osloOffsetMs(hour) === offset) hour += MS_PER_HOUR;
      pieceEnd = Math.min(hour, endMs);
    }
    total += wallOverlap(pieceStart + offset, pieceEnd + offset, weekly);
    pieceStart = pieceEnd;
  }
  return total;
}

/** Overlap of the wall range [from, to) with the windows, split per local day. */
function wallOverlap(from: number, to: number, weekly: WeeklyWindows): number {
  let total = 0;
  for (let day = dayNumberOfWall(from); day * MS_PER_DAY < to; day++) {
    const dayStart = day * MS_PER_DAY;
    const segStart = Math.max(from, dayStart) - dayStart;
    const segEnd = Math.min(to, dayStart + MS_PER_DAY) - dayStart;
    const ranges = weekly[weekdayOfDay(day)];
    for (let i = 0; i < ranges.length; i += 2) {
      const overlap = Math.min(ranges[i + 1], segEnd) - Math.max(ranges[i], segStart);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}
