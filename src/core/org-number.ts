/** Norwegian organisation numbers: 9 digits, the last a MOD11 check digit over the first 8. */
const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

export function isValidOrgNumber(value: string): boolean {
  return /^\d{9}$/.test(value) && withCheckDigit(value.slice(0, 8)) === value;
}

/** Accepts the usual ways of writing one ("974 760 673", "974760673") and gives the 9 digits. */
export const normalizeOrgNumber = (value: string): string => value.replace(/[\s.]/g, '');

/** The valid organisation number for 8 leading digits, or null when no check digit works (remainder 1). */
export function withCheckDigit(first8: string): string | null {
  if (!/^\d{8}$/.test(first8)) return null;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first8[i]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === 10 ? null : `${first8}${check}`;
}
