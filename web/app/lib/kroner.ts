/*
 * Staff type prices in kroner ("150", "150,50", "1 200", "1200.5"); the API keeps whole øre. Parsed here,
 * not with parseFloat, so "1,5,0" or "12kr" is refused rather than read as something else.
 */
const KRONER = /^(\d{1,7})(?:[.,](\d{1,2}))?$/;

/** Øre from a kroner text, or null when the text is no amount. An empty text is null too. */
export function kronerToOre(text: string | null | undefined): number | null {
  const compact = (text ?? '').replace(/[\s\u00a0]/g, '').replace(/kr$/i, '');
  const match = KRONER.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** Øre as a kroner text for a form field: 15050 → "150,50", 15000 → "150". */
export function oreToKroner(ore: number | null | undefined): string {
  if (ore === null || ore === undefined) return '';
  const kroner = Math.floor(ore / 100);
  const rest = ore % 100;
  return rest ? `${kroner},${String(rest).padStart(2, '0')}` : String(kroner);
}

/** A form field's text ('' when missing or a file). */
export const textOf = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
