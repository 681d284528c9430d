import { formatClock } from '../../common/time';

/** A weekly window in Oslo wall time: ISO weekday, minutes since midnight, opens < closes ≤ 1440. */
export interface OpeningWindow {
  weekday: number;
  opens: number;
  closes: number;
}

/** Whether one window of `weekday` holds the whole of [from, to] (minutes since midnight). */
export function opensFor(
  windows: readonly OpeningWindow[],
  weekday: number,
  from: number,
  to: number,
): boolean {
  return windows.some((w) => w.weekday === weekday && w.opens <= from && w.closes >= to);
}

/** Problems with a week of windows: bad weekdays, opens ≥ closes, windows that overlap on a day. */
export function openingHoursProblems(windows: OpeningWindow[]): string[] {
  const problems: string[] = [];
  for (const w of windows) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      problems.push(`weekday ${w.weekday} must be 1 (Monday) to 7 (Sunday)`);
    }
    if (w.opens >= w.closes) {
      problems.push(
        `weekday ${w.weekday}: opens ${formatClock(w.opens)} must be before closes ${formatClock(w.closes)}`,
      );
    }
  }
  const sorted = [...windows].sort((a, b) => a.weekday - b.weekday || a.opens - b.opens);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.weekday === b.weekday && b.opens < a.closes) {
      problems.push(
        `weekday ${a.weekday}: ${formatClock(a.opens)}–${formatClock(a.closes)} overlaps ` +
          `${formatClock(b.opens)}–${formatClock(b.closes)}`,
      );
    }
  }
  return problems;
}
