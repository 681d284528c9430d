/**
 * A small RFC 4180 writer for spreadsheet exports. `nb` is what Norwegian Excel opens without an import
 * dialog: UTF-8 with a byte-order mark, semicolons, decimal commas. `en`: commas and points.
 */
export type Locale = 'nb' | 'en';
export const LOCALES = ['nb', 'en'] as const;

export interface CsvColumn {
  header: string;
  /** Numbers are written with this many decimals (default 0). */
  decimals?: number;
}

/** A number with decimals of its own overrides its column's (tables whose rows differ in unit). */
export type CsvCell = string | number | { value: number; decimals: number } | null | undefined;

const BOM = '\uFEFF';
/** Text a spreadsheet would run as a formula (CSV injection): neutralised with a leading apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvNumber(value: number, decimals: number, locale: Locale): string {
  const text = value.toFixed(decimals);
  return locale === 'nb' ? text.replace('.', ',') : text;
}

function csvText(value: string, separator: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One table: a header line, then rows; CRLF line ends. */
export function csvTable(columns: readonly CsvColumn[], rows: readonly CsvCell[][], locale: Locale): string {
  const separator = locale === 'nb' ? ';' : ',';
  const line = (cells: readonly CsvCell[]): string =>
    cells
      .map((cell, i) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell === 'number')
          return Number.isFinite(cell) ? csvNumber(cell, columns[i]?.decimals ?? 0, locale) : '';
        if (typeof cell === 'object')
          return Number.isFinite(cell.value) ? csvNumber(cell.value, cell.decimals, locale) : '';
        return csvText(cell, separator);
      })
      .join(separator) + '\r\n';
  return line(columns.map((c) => c.header)) + rows.map(line).join('');
}

/** A whole file of one or more tables, separated by an empty line, with the byte-order mark. */
export const csvFile = (...tables: string[]): string => BOM + tables.join('\r\n');
