import { CsvCell, csvFile, csvTable, Locale } from '../csv';
import { BreakdownView, EvaluationResultView, HeadlineView } from '../dto/report.dto';

/** A stored evaluation as a spreadsheet: headline figures with the change, then per building and kind, then the method. */

type Unit = 'count' | 'hours' | 'ore' | 'share';

const HEADLINE: [keyof HeadlineView, Unit, string, string][] = [
  ['days', 'count', 'dager', 'days'],
  ['usedHours', 'hours', 'timer brukt', 'hours used'],
  ['bookedHours', 'hours', 'timer booket', 'hours booked'],
  ['noShowHours', 'hours', 'timer ikke møtt', 'no-show hours'],
  ['unrecordedHours', 'hours', 'timer uten registrert oppmøte', 'hours without attendance recorded'],
  ['cancelledLateHours', 'hours', 'timer avbestilt sent', 'hours cancelled late'],
  ['cancelledInTimeHours', 'hours', 'timer avbestilt i tide', 'hours cancelled in time'],
  ['occurrences', 'count', 'bookinger', 'occurrences'],
  ['organisationsReached', 'count', 'organisasjoner nådd', 'organisations reached'],
  ['participants', 'count', 'deltakere rapportert', 'participants reported'],
  ['childrenAndYouthShare', 'share', 'andel barn og unge (%)', 'share of children and youth (%)'],
  ['listOre', 'ore', 'listepris (kr)', 'list value (NOK)'],
  ['waivedOre', 'ore', 'verdi av fritak (kr)', 'value waived (NOK)'],
  ['chargedOre', 'ore', 'inntekt fakturert (kr)', 'income charged (NOK)'],
  ['noShowRate', 'share', 'andel ikke møtt (%)', 'no-show rate (%)'],
  ['attendanceRecordedShare', 'share', 'andel med registrert oppmøte (%)', 'attendance recorded (%)'],
  ['utilisation', 'share', 'utnyttelse (%)', 'utilisation (%)'],
  [
    'schoolUtilisationOutsideSchoolHours',
    'share',
    'utnyttelse av skolelokaler utenom skoletid (%)',
    'utilisation of school rooms outside school hours (%)',
  ],
];

/** Shares in per cent, money in kroner: what a spreadsheet reader expects. */
const shown = (value: number | null, unit: Unit): number | null =>
  value === null ? null : unit === 'ore' ? value / 100 : unit === 'share' ? value * 100 : value;

const decimals = (unit: Unit): number => (unit === 'count' ? 0 : unit === 'share' ? 1 : 2);

export function reportCsv(result: EvaluationResultView, locale: Locale): string {
  const nb = locale === 'nb';
  const c = result.current;
  const p = result.comparison;
  const period = (x: { from: string; to: string }) => `${x.from} – ${x.to}`;

  // Figures differ in unit: numbers are written here, each with its own decimals.
  const headlineRows: CsvCell[][] = HEADLINE.map(([key, unit, no, en]) => {
    const cell = (v: number | null | undefined): CsvCell => {
      const s = v === undefined ? null : shown(v, unit);
      return s === null ? null : { value: s, decimals: decimals(unit) };
    };
    const change = result.changes?.[key];
    const relative = change?.relative;
    return [
      nb ? no : en,
      key,
      cell(c.headline[key]),
      p ? cell(p.headline[key]) : null,
      cell(change?.difference),
      relative === null || relative === undefined ? null : { value: relative * 100, decimals: 1 },
    ];
  });
  const headline = csvTable(
    [
      { header: nb ? 'nøkkeltall' : 'figure' },
      { header: nb ? 'felt' : 'field' },
      { header: period(c) },
      { header: p ? period(p) : nb ? 'sammenligning' : 'comparison' },
      { header: nb ? 'endring' : 'change' },
      { header: nb ? 'endring (%)' : 'change (%)' },
    ],
    headlineRows,
    locale,
  );

  const breakdownTable = (title: string, rows: BreakdownView[]) => {
    const columns = [
      { header: title },
      { header: nb ? 'nøkkel' : 'key' },
      { header: nb ? 'timer booket' : 'hours booked', decimals: 2 },
      { header: nb ? 'timer brukt' : 'hours used', decimals: 2 },
      { header: nb ? 'organisasjoner' : 'organisations' },
      { header: nb ? 'fritak (kr)' : 'waived (NOK)', decimals: 2 },
      { header: nb ? 'fakturert (kr)' : 'charged (NOK)', decimals: 2 },
      { header: nb ? 'utnyttelse (%)' : 'utilisation (%)', decimals: 1 },
      ...(p
        ? [
            { header: nb ? 'timer booket, sammenligning' : 'hours booked, comparison', decimals: 2 },
            { header: nb ? 'timer brukt, sammenligning' : 'hours used, comparison', decimals: 2 },
            { header: nb ? 'fritak (kr), sammenligning' : 'waived (NOK), comparison', decimals: 2 },
            { header: nb ? 'fakturert (kr), sammenligning' : 'charged (NOK), comparison', decimals: 2 },
          ]
        : []),
    ];
    return csvTable(
      columns,
      rows.map((r) => [
        r.label,
        r.key,
        r.current.bookedHours,
        r.current.usedHours,
        r.current.organisations,
        r.current.waivedOre / 100,
        r.current.chargedOre / 100,
        shown(r.current.utilisation, 'share'),
        ...(r.comparison
          ? [
              r.comparison.bookedHours,
              r.comparison.usedHours,
              r.comparison.waivedOre / 100,
              r.comparison.chargedOre / 100,
            ]
          : []),
      ]),
      locale,
    );
  };

  const method = csvTable(
    [{ header: nb ? 'metode' : 'method' }, { header: nb ? 'forklaring' : 'explanation' }],
    result.method.map((n) => [n.topic, n.text]),
    locale,
  );
  return csvFile(
    headline,
    breakdownTable(nb ? 'bygg' : 'building', result.byBuilding),
    breakdownTable(nb ? 'organisasjonstype' : 'organisation kind', result.byOrganisationKind),
    method,
  );
}
