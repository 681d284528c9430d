import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableScroll } from './table-scroll';

export interface FigureRow {
  key: string;
  /** The row's heading (a building, a month, an organisation kind…). */
  label: string;
  /** Its figures, formatted, one a column. */
  cells: ReactNode[];
}

/**
 * A table of figures: captioned (the caption names the period, since such a table is often the text
 * alternative of a chart), one heading a column, each row headed by its label, and a last row of totals
 * when given. Wide: it scrolls inside its own focusable region on a phone, never the page.
 */
export function FigureTable({
  id,
  caption,
  columns,
  rows,
  total,
}: {
  id: string;
  caption: string;
  /** The column headings, the rows' own heading first. */
  columns: string[];
  rows: FigureRow[];
  /** The totals' row, its figures set as headings. */
  total?: Omit<FigureRow, 'key'>;
}) {
  const line = (r: Omit<FigureRow, 'key'>, key: string, isTotal: boolean) => {
    const Cell = isTotal ? Table.HeaderCell : Table.Cell;
    return (
      <Table.Row key={key}>
        <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
        {r.cells.map((c, i) => (
          <Cell key={i}>{c}</Cell>
        ))}
      </Table.Row>
    );
  };
  return (
    <TableScroll labelledBy={`${id}-caption`}>
      <Table id={id} zebra data-size="sm">
        <caption id={`${id}-caption`}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c, i) => (
              <Table.HeaderCell key={i} scope="col">
                {c}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => line(r, r.key, false))}
          {total && line(total, 'total', true)}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
