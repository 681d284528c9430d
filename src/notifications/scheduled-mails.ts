import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, osloDayBounds, osloToday } from '../common/time';
import { JobHandler } from '../jobs/job-handler.decorator';
import { JobName, JobPayloads } from '../jobs/job-registry';
import { accessLabel, humanDate, humanTime, humanWhen } from './human';
import { Outbox } from './outbox.service';

interface DigestRow {
  caretaker_id: string;
  email: string;
  locale: 'nb' | 'en';
  building_name: string;
  room_name: string;
  starts_at: Date;
  ends_at: Date;
  title: string;
  organisation_name: string;
  contact_name: string | null;
  contact_phone: string | null;
  access_method: string | null;
}

/** The mails no single change causes: the caretakers' morning digest and the reminders before a series. */
@Injectable()
export class ScheduledMails {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** At 07:00: to each caretaker, tomorrow's approved bookings in their buildings (once per caretaker and day). */
  @JobHandler(JobName.CaretakerDigest)
  async digest({ date }: JobPayloads[JobName.CaretakerDigest]): Promise<{ messages: number }> {
    const day = date ?? addDays(osloToday(), 1);
    const { start, end } = osloDayBounds(day);
    return this.dataSource.transaction(async (m) => {
      const rows = await m.query<DigestRow[]>(
        `SELECT bc.user_id AS caretaker_id, u.email, u.locale, b.name AS building_name, r.name AS room_name,
                o.starts_at, o.ends_at, q.title, org.name AS organisation_name,
                contact.name AS contact_name, contact.phone AS contact_phone, q.access_method
           FROM booking_occurrences o
           JOIN rooms r ON r.id = o.room_id
           JOIN buildings b ON b.id = r.building_id
           JOIN building_caretakers bc ON bc.building_id = b.id
           JOIN users u ON u.id = bc.user_id
           JOIN booking_requests q ON q.id = o.request_id
           JOIN organisations org ON org.id = q.organisation_id
           LEFT JOIN LATERAL (SELECT cu.name, cu.phone FROM organisation_members om JOIN users cu ON cu.id = om.user_id
                               WHERE om.organisation_id = org.id ORDER BY om.added_at LIMIT 1) contact ON true
          WHERE o.status = 'approved' AND o.starts_at >= $1 AND o.starts_at < $2
          ORDER BY bc.user_id, b.name, o.starts_at, r.name`,
        [start, end],
      );
      const byCaretaker = new Map<string, DigestRow[]>();
      for (const row of rows)
        byCaretaker.set(row.caretaker_id, [...(byCaretaker.get(row.caretaker_id) ?? []), row]);
      const messages = [...byCaretaker.entries()].map(([caretakerId, items]) => {
        const locale = items[0].locale;
        const buildings = [...new Set(items.map((i) => i.building_name))].map((name) => ({
          name,
          items: items
            .filter((i) => i.building_name === name)
            .map((i) => ({
              time: `${humanTime(i.starts_at, locale)}–${humanTime(i.ends_at, locale)}`,
              roomName: i.room_name,
              organisationName: i.organisation_name,
              title: i.title,
              contactName: i.contact_name,
              contactPhone: i.contact_phone,
              access: accessLabel(i.access_method, locale),
            })),
        }));
        return {
          kind: 'caretaker_digest' as const,
          to: { userId: caretakerId, email: items[0].email, locale },
          data: { date: humanDate(start, locale), buildings },
          dedupeKey: `caretaker_digest:${caretakerId}:${day}`,
        };
      });
      await this.outbox.add(m, messages);
      return { messages: messages.length };
    });
  }

  /** Each morning: series whose first approved occurrence is two days ahead remind their organisation. */
  @JobHandler(JobName.SeriesReminders)
  async reminders({ date }: JobPayloads[JobName.SeriesReminders]): Promise<{ messages: number }> {
    const { start, end } = osloDayBounds(addDays(date ?? osloToday(), 2));
    return this.dataSource.transaction(async (m) => {
      const series = await m.query<
        {
          id: string;
          title: string;
          organisation_id: string;
          organisation_name: string;
          first_start: Date;
          room_name: string;
          building_name: string;
          access_status: string;
          access_method: string | null;
        }[]
      >(
        `SELECT q.id, q.title, q.organisation_id, org.name AS organisation_name, f.starts_at AS first_start,
                r.name AS room_name, b.name AS building_name, q.access_status, q.access_method
           FROM booking_requests q
           JOIN organisations org ON org.id = q.organisation_id
           JOIN LATERAL (SELECT starts_at, room_id FROM booking_occurrences
                          WHERE request_id = q.id AND status = 'approved' ORDER BY starts_at LIMIT 1) f ON true
           JOIN rooms r ON r.id = f.room_id
           JOIN buildings b ON b.id = r.building_id
          WHERE q.rrule IS NOT NULL AND f.starts_at >= $1 AND f.starts_at < $2`,
        [start, end],
      );
      let count = 0;
      for (const s of series) {
        const contacts = await this.outbox.organisationContacts(m, s.organisation_id);
        await this.outbox.add(
          m,
          contacts.map((to) => ({
            kind: 'series_reminder' as const,
            to,
            data: {
              title: s.title,
              organisationName: s.organisation_name,
              firstWhen: humanWhen(s.first_start, to.locale),
              roomName: s.room_name,
              buildingName: s.building_name,
              accessConfirmed: s.access_status === 'confirmed',
              accessLabel: accessLabel(s.access_method, to.locale),
            },
            dedupeKey: `series_reminder:${s.id}:${to.email}`,
          })),
        );
        count += contacts.length;
      }
      return { messages: count };
    });
  }
}
