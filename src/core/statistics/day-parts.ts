import { osloDayBounds, osloOffsetMs, osloParts, osloWallToInstant } from '../../common/time';

/** A half-open range of instants [start, end) in epoch milliseconds. */
export type Span = readonly [number, number];

export interface DayPart {
  /** The local Oslo date the part lies in. */
  date: string;
  start: number;
  end: number;
}

const HOUR_MS = 3_600_000;

/**
 * Cuts [start, end) at Oslo midnights: one part per local date it touches, each with its real elapsed
 * time (so a part on the day the clocks go forward can be at most 23 hours long, on the day they go
 * back 25). An occurrence from 22:00 to 02:00 gives two parts of two hours.
 */
export function splitByOsloDay(start: number, end: number): DayPart[] {
  if (!(end > start)) return [];
  const first = osloParts(new Date(start)).date;
  const last = osloParts(new Date(end - 1)).date;
  if (first === last) return [{ date: first, start, end }];
  const parts: DayPart[] = [];
  let cursor = start;
  let date = first;
  for (;;) {
    const dayEnd = osloDayBounds(date).end.getTime();
    const partEnd = Math.min(end, dayEnd);
    parts.push({ date, start: cursor, end: partEnd });
    if (partEnd >= end) return parts;
    cursor = partEnd;
    date = osloParts(new Date(cursor)).date;
  }
}

/** The local wall-clock hour (0–23) an instant falls in. */
export function osloHour(ms: number): number {
  const local = ms + osloOffsetMs(ms);
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / HOUR_MS);
}

/**
 * Adds the milliseconds of [start, end) to the wall-clock hour each falls in (index 0–23, times `weight`).
 * Oslo's offset changes only on whole UTC hours, so every real hour maps to one wall hour: on the day the
 * clocks go back, hour 2 receives two real hours; on the day they go forward, hour 2 receives none.
 */
export function addByWallHour(into: number[], start: number, end: number, weight = 1): void {
  let cursor = start;
  while (cursor < end) {
    const next = Math.min(end, Math.floor(cursor / HOUR_MS) * HOUR_MS + HOUR_MS);
    into[osloHour(cursor)] += (next - cursor) * weight;
    cursor = next;
  }
}

/**
 * The instant at a wall-clock minute of a local date; 1440 is the next midnight. A minute the spring
 * change skips (02:00–02:59) is read as the moment the clocks jump: a window opening at 02:30 opens at 03:00.
 */
export function wallInstant(date: string, minute: number): number {
  if (minute >= 1440) return osloDayBounds(date).end.getTime();
  for (let m = minute; m < 1440; m++) {
    const instant = osloWallToInstant(date, m);
    if (instant) return instant.getTime();
  }
  return osloDayBounds(date).end.getTime();
}

/** Total length of spans in milliseconds. */
export const spansLength = (spans: readonly Span[]): number =>
  spans.reduce((sum, [a, b]) => sum + (b - a), 0);

/** Sorts and merges overlapping or touching spans. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The parts of `spans` (merged) not covered by any of `cuts`. */
export function subtractSpans(spans: readonly Span[], cuts: readonly Span[]): Span[] {
  let rest: Span[] = mergeSpans(spans);
  for (const [ca, cb] of mergeSpans(cuts)) {
    const next: Span[] = [];
    for (const [a, b] of rest) {
      if (cb <= a || ca >= b) {
        next.push([a, b]);
        continue;
      }
      if (ca > a) next.push([a, ca]);
      if (cb < b) next.push([cb, b]);
    }
    rest = next;
  }
  return rest;
}
