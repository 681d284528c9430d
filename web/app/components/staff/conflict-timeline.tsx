import type { components } from '../../api/schema';
import { formatTime } from '../../i18n/format';
import { useLang, useT } from '../../i18n/i18n';

type Schemas = components['schemas'];
/** What the timeline draws of a group: its occurrences and the booked or closed time they meet. */
interface Group {
  occurrences: Pick<
    Schemas['CompetingOccurrenceView'],
    'roomId' | 'startsAt' | 'endsAt' | 'organisationName'
  >[];
  blockedBy: Pick<Schemas['BlockerView'], 'kind' | 'roomId' | 'startsAt' | 'endsAt' | 'organisationName'>[];
}
export interface TreeRoom {
  id: string;
  name: string;
  parentRoomId: string | null;
}

const minutes = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));

/**
 * The group's day on one timeline: a row for each room concerned (the room, its parent and its
 * sections), the competing requests and the booked or closed time they meet as bars. A picture of
 * the decision list below it, which says the same in text (so the picture is hidden from screen readers).
 */
export function ConflictTimeline({ group, rooms }: { group: Group; rooms: TreeRoom[] }) {
  const t = useT();
  const lang = useLang();
  const involved = new Set([
    ...group.occurrences.map((o) => o.roomId),
    ...group.blockedBy.map((b) => b.roomId).filter((id): id is string => Boolean(id)),
  ]);
  for (const id of [...involved]) {
    const room = rooms.find((r) => r.id === id);
    if (room?.parentRoomId) involved.add(room.parentRoomId);
    for (const child of rooms.filter((r) => r.parentRoomId === id)) involved.add(child.id);
  }
  const rows = rooms.filter((r) => involved.has(r.id));
  const bars = [
    ...group.occurrences.map((o) => ({
      roomId: o.roomId,
      from: o.startsAt,
      to: o.endsAt,
      label: o.organisationName,
      kind: 'pending',
    })),
    ...group.blockedBy
      .filter((b) => b.startsAt && b.endsAt)
      .map((b) => ({
        roomId: b.roomId ?? group.occurrences[0].roomId,
        from: b.startsAt!,
        to: b.endsAt!,
        label:
          b.kind === 'booking'
            ? `${t('staff.conflicts.booked')}: ${b.organisationName}`
            : t('staff.conflicts.closed'),
        kind: b.kind === 'booking' ? 'booked' : 'closed',
      })),
  ];
  const day = group.occurrences[0].startsAt.slice(0, 10);
  const clip = (iso: string, edge: number) => (iso.slice(0, 10) === day ? minutes(iso) : edge);
  const start = Math.max(0, Math.floor(Math.min(...bars.map((b) => clip(b.from, 0))) / 60) * 60 - 60);
  const end = Math.min(1440, Math.ceil(Math.max(...bars.map((b) => clip(b.to, 1440))) / 60) * 60 + 60);
  const pct = (m: number) => `${((Math.min(Math.max(m, start), end) - start) / (end - start)) * 100}%`;
  return (
    <div className="timeline" aria-hidden="true">
      <div className="timeline__row">
        <span />
        <div className="timeline__scale">
          <span>{`${String(start / 60).padStart(2, '0')}:00`}</span>
          <span>{`${String(end / 60).padStart(2, '0')}:00`}</span>
        </div>
      </div>
      {rows.map((room) => (
        <div className="timeline__row" key={room.id}>
          <span>{room.name}</span>
          <div className="timeline__track">
            {bars
              .filter((b) => b.roomId === room.id)
              .map((b, i) => {
                const from = clip(b.from, 0);
                const to = clip(b.to, 1440);
                return (
                  <span
                    key={i}
                    className={`timeline__bar timeline__bar--${b.kind}`}
                    style={{ left: pct(from), width: `calc(${pct(to)} - ${pct(from)})` }}
                    title={`${b.label} ${formatTime(b.from, lang)}–${formatTime(b.to, lang)}`}
                  >
                    {b.label}
                  </span>
                );
              })}
          </div>
        </div>
      ))}
    </div>
  );
}
