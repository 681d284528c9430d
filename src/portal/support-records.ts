import { EntityManager } from 'typeorm';
import { OSLO, osloDayBounds } from '../common/time';

/** What approved and public means for the calendar: a season's bookings only once it is published. */
export const PUBLIC_OCCURRENCE = `o.status = 'approved'
  AND (q.season_id IS NULL
       OR EXISTS (SELECT 1 FROM seasons se WHERE se.id = q.season_id AND se.published_at IS NOT NULL))`;

/** One building and Oslo month of an organisation's year of support. */
export interface SupportCell {
  buildingId: string;
  buildingName: string;
  /** 1–12, the Oslo month the booking starts in. */
  month: number;
  bookings: number;
  seconds: number;
  listOre: number;
  waivedOre: number;
  chargedOre: number;
}

/**
 * The records the municipality's support to an organisation is read from: its approved (and public)
 * bookings starting in the Oslo year, summed by building and month. The public page's "value of free
 * use" and the contact's statement are both sums of these cells.
 */
export async function supportCells(
  m: EntityManager,
  organisationId: string,
  year: number,
): Promise<SupportCell[]> {
  const rows = await m.query<
    {
      building_id: string;
      building_name: string;
      month: number;
      bookings: string;
      seconds: string;
      list: string;
      waived: string;
      charged: string;
    }[]
  >(
    `SELECT b.id AS building_id, b.name AS building_name,
            extract(month FROM o.starts_at AT TIME ZONE '${OSLO}')::int AS month,
            count(*) AS bookings, sum(extract(epoch FROM o.ends_at - o.starts_at)) AS seconds,
            sum(o.list_ore) AS list, sum(o.waived_ore) AS waived, sum(o.charged_ore) AS charged
       FROM booking_occurrences o
       JOIN booking_requests q ON q.id = o.request_id
       JOIN rooms r ON r.id = o.room_id
       JOIN buildings b ON b.id = r.building_id
      WHERE q.organisation_id = $1 AND ${PUBLIC_OCCURRENCE} AND o.starts_at >= $2 AND o.starts_at < $3
      GROUP BY b.id, b.name, 3
      ORDER BY b.name, b.id, 3`,
    [organisationId, osloDayBounds(`${year}-01-01`).start, osloDayBounds(`${year}-12-31`).end],
  );
  return rows.map((r) => ({
    buildingId: r.building_id,
    buildingName: r.building_name,
    month: r.month,
    bookings: Number(r.bookings),
    seconds: Number(r.seconds),
    listOre: Number(r.list),
    waivedOre: Number(r.waived),
    chargedOre: Number(r.charged),
  }));
}

export interface SupportFigures {
  bookings: number;
  hours: number;
  listOre: number;
  waivedOre: number;
  chargedOre: number;
}

/** The sum of some cells; hours to one decimal. */
export function sumCells(cells: readonly SupportCell[]): SupportFigures {
  let seconds = 0;
  const sum = { bookings: 0, listOre: 0, waivedOre: 0, chargedOre: 0 };
  for (const c of cells) {
    seconds += c.seconds;
    sum.bookings += c.bookings;
    sum.listOre += c.listOre;
    sum.waivedOre += c.waivedOre;
    sum.chargedOre += c.chargedOre;
  }
  return { ...sum, hours: Math.round((seconds / 3600) * 10) / 10 };
}
