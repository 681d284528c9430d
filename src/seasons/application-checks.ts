import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { parseClock } from '../common/time';
import type { Preference } from './dto/preference.dto';

/** Only the four fields, in order, as stored. */
export const plain = (preferences: Preference[]): Preference[] =>
  preferences.map(({ roomId, weekday, startTime, endTime }) => ({ roomId, weekday, startTime, endTime }));

/**
 * Alternatives name rooms of the season that hold the group, each a time that runs forwards, none
 * twice; and the sessions asked for fit on distinct weekdays. Opening hours are not checked here: an
 * alternative outside them is explained in the allocation (hours may still change).
 */
export async function checkPreferences(
  m: EntityManager,
  seasonId: string,
  preferences: Preference[],
  sessionsPerWeek: number,
  participants: number,
): Promise<void> {
  const rooms = await m.query<{ id: string; name: string; capacity: number }[]>(
    `SELECT r.id, r.name, r.capacity FROM season_rooms sr JOIN rooms r ON r.id = sr.room_id
      WHERE sr.season_id = $1 AND r.id = ANY($2)`,
    [seasonId, preferences.map((p) => p.roomId)],
  );
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const [i, p] of preferences.entries()) {
    const room = byId.get(p.roomId);
    if (!room) {
      throw new DomainError('VALIDATION_FAILED', `preferences[${i}].roomId is not a room of this season`, {
        field: `preferences.${i}.roomId`,
      });
    }
    if (parseClock(p.startTime)! >= parseClock(p.endTime)!) {
      throw new DomainError('INVALID_TIME_RANGE', `preferences[${i}]: endTime must be after startTime`);
    }
    if (participants > room.capacity) {
      throw new DomainError('OVER_CAPACITY', `${room.name} holds ${room.capacity} people`, {
        roomId: room.id,
        capacity: room.capacity,
      });
    }
    const key = `${p.roomId}/${p.weekday}/${p.startTime}/${p.endTime}`;
    if (seen.has(key))
      throw new DomainError('VALIDATION_FAILED', `preferences[${i}] repeats an earlier alternative`);
    seen.add(key);
  }
  const weekdays = new Set(preferences.map((p) => p.weekday)).size;
  if (sessionsPerWeek > weekdays) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `sessionsPerWeek is ${sessionsPerWeek}, but the alternatives fall on ${weekdays} weekday(s): one session a day`,
    );
  }
}
