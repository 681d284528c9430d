/**
 * Integer øre arithmetic. The one rounding rule: an amount is the exact rational a × b / d rounded once to
 * the nearest whole øre, halves up. Inputs are non-negative integers, so no floating-point error creeps in;
 * a product past 2^53 falls back to BigInt so the answer stays exact.
 */
export function mulDivRound(a: number, b: number, d: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) {
    const remainder = product % d;
    const quotient = (product - remainder) / d;
    return 2 * remainder >= d ? quotient + 1 : quotient;
  }
  const p = BigInt(a) * BigInt(b);
  const big = BigInt(d);
  return Number((2n * p + big) / (2n * big));
}

const MS_PER_HOUR = 3_600_000;

/** Hourly rate × duration: round(hourlyOre × ms / 3 600 000), i.e. round(hourlyOre × minutes / 60). */
export function hourlyAmountOre(hourlyOre: number, durationMs: number): number {
  return mulDivRound(hourlyOre, durationMs, MS_PER_HOUR);
}

/** round(amountOre × percent / 100): never more than the amount, since percent ≤ 100. */
export function percentOfOre(amountOre: number, percent: number): number {
  return mulDivRound(amountOre, percent, 100);
}

/** 31000 → '310.00 kr'. */
export function formatKr(ore: number): string {
  const kr = Math.floor(ore / 100);
  const rest = ore - kr * 100;
  return `${kr}.${rest < 10 ? '0' : ''}${rest} kr`;
}

/** 120 → '2 h', 50 → '50 min', 90 → '1 h 30 min'; fractions of a minute shown to one decimal. */
export function formatMinutes(exact: number): string {
  const minutes = Math.round(exact * 10) / 10;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round((minutes - hours * 60) * 10) / 10;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
