import type { AgeGroup, BuildingKind, OrganisationKind, RoomKind } from '../domain';
import { addByWallHour, splitByOsloDay, spansLength } from './day-parts';
import { OpenCalendar, openSpans } from './open-hours';

/**
 * The usage rollup of a set of local days, computed from occurrences and room calendars. Pure.
 *
 * - Booked: approved occurrences. Used / no-show: their attendance; an approved occurrence without
 *   attendance is booked but neither. Cancelled: status cancelled, late or in time.
 * - Hours are real elapsed time, cut at Oslo midnights: an occurrence across midnight counts on both
 *   days. Counts, participants and money go to the day the occurrence starts.
 * - Open time per room and day: opening hours minus closures and holidays (see openSpans).
 * - Capacity for utilisation is counted in leaf rooms (rooms without sections): booking a hall of three
 *   courts for an hour books three leaf-hours.
 */
export interface RollupRoom {
  id: string;
  buildingId: string;
  buildingKind: BuildingKind;
  kind: RoomKind;
  /** The leaf rooms it occupies: 1 for a room without sections. */
  leaves: number;
  isLeaf: boolean;
  calendar: OpenCalendar;
}

export interface RollupOccurrence {
  roomId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  ageGroup: AgeGroup;
  ruleId: string | null;
  start: number;
  end: number;
  status: 'approved' | 'cancelled';
  cancelledLate: boolean | null;
  attendance: 'used' | 'no_show' | null;
  participants: number | null;
  listOre: number;
  waivedOre: number;
  chargedOre: number;
}

/** What is counted of use, per row and summed per group; durations in whole seconds. */
export interface UsageCounts {
  occurrences: number;
  bookedSeconds: number;
  usedSeconds: number;
  noShowSeconds: number;
  cancelledLateSeconds: number;
  cancelledInTimeSeconds: number;
  bookedLeafSeconds: number;
  participants: number;
  listOre: number;
  waivedOre: number;
  chargedOre: number;
}

/** One row per date × room × organisation × age group × exemption rule. */
export interface UsageRow extends UsageCounts {
  date: string;
  roomId: string;
  buildingId: string;
  roomKind: RoomKind;
  organisationId: string;
  organisationKind: OrganisationKind;
  ageGroup: AgeGroup;
  ruleId: string | null;
}

export interface RoomDayRow {
  date: string;
  roomId: string;
  buildingId: string;
  roomKind: RoomKind;
  leaves: number;
  isLeaf: boolean;
  openSeconds: number;
}

/** Per building and day, by wall-clock hour 0–23: open and booked leaf-seconds. */
export interface BuildingHoursRow {
  date: string;
  buildingId: string;
  buildingKind: BuildingKind;
  openLeafSeconds: number[];
  bookedLeafSeconds: number[];
}

export interface RollupResult {
  usage: UsageRow[];
  roomDays: RoomDayRow[];
  buildingHours: BuildingHoursRow[];
}

const seconds = (ms: number): number => Math.round(ms / 1000);
const hours24 = (): number[] => new Array<number>(24).fill(0);

export function rollupDays(
  dates: readonly string[],
  rooms: readonly RollupRoom[],
  occurrences: Iterable<RollupOccurrence>,
): RollupResult {
  const wanted = new Set(dates);
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const usage = new Map<string, UsageRow>();
  const hoursByBuildingDay = new Map<string, BuildingHoursRow>();

  const buildingHours = (date: string, room: RollupRoom): BuildingHoursRow => {
    const key = `${date}|${room.buildingId}`;
    let row = hoursByBuildingDay.get(key);
    if (!row) {
      row = {
        date,
        buildingId: room.buildingId,
        buildingKind: room.buildingKind,
        openLeafSeconds: hours24(),
        bookedLeafSeconds: hours24(),
      };
      hoursByBuildingDay.set(key, row);
    }
    return row;
  };

  const roomDays: RoomDayRow[] = [];
  for (const date of wanted) {
    for (const room of rooms) {
      const open = openSpans(date, room.calendar);
      const openMs = spansLength(open);
      if (openMs === 0) continue;
      roomDays.push({
        date,
        roomId: room.id,
        buildingId: room.buildingId,
        roomKind: room.kind,
        leaves: room.leaves,
        isLeaf: room.isLeaf,
        openSeconds: seconds(openMs),
      });
      if (room.isLeaf) {
        const into = buildingHours(date, room).openLeafSeconds;
        for (const [a, b] of open) addByWallHour(into, a, b);
      }
    }
  }

  for (const o of occurrences) {
    const room = roomById.get(o.roomId);
    if (!room) continue;
    const parts = splitByOsloDay(o.start, o.end);
    for (const part of parts) {
      if (!wanted.has(part.date)) continue;
      const key = `${part.date}|${o.roomId}|${o.organisationId}|${o.ageGroup}|${o.ruleId ?? ''}`;
      let row = usage.get(key);
      if (!row) {
        row = emptyRow(part.date, room, o);
        usage.set(key, row);
      }
      const ms = part.end - part.start;
      if (o.status === 'cancelled') {
        if (o.cancelledLate) row.cancelledLateSeconds += ms;
        else row.cancelledInTimeSeconds += ms;
        continue;
      }
      row.bookedSeconds += ms;
      row.bookedLeafSeconds += ms * room.leaves;
      if (o.attendance === 'used') row.usedSeconds += ms;
      if (o.attendance === 'no_show') row.noShowSeconds += ms;
      addByWallHour(buildingHours(part.date, room).bookedLeafSeconds, part.start, part.end, room.leaves);
      if (part === parts[0]) {
        row.occurrences += 1;
        row.listOre += o.listOre;
        row.waivedOre += o.waivedOre;
        row.chargedOre += o.chargedOre;
        if (o.attendance === 'used') row.participants += o.participants ?? 0;
      }
    }
  }

  return {
    usage: [...usage.values()].map((r) => ({
      ...r,
      bookedSeconds: seconds(r.bookedSeconds),
      usedSeconds: seconds(r.usedSeconds),
      noShowSeconds: seconds(r.noShowSeconds),
      cancelledLateSeconds: seconds(r.cancelledLateSeconds),
      cancelledInTimeSeconds: seconds(r.cancelledInTimeSeconds),
      bookedLeafSeconds: seconds(r.bookedLeafSeconds),
    })),
    roomDays,
    buildingHours: [...hoursByBuildingDay.values()].map((r) => ({
      ...r,
      openLeafSeconds: r.openLeafSeconds.map(seconds),
      bookedLeafSeconds: r.bookedLeafSeconds.map(seconds),
    })),
  };
}

function emptyRow(date: string, room: RollupRoom, o: RollupOccurrence): UsageRow {
  return {
    date,
    roomId: room.id,
    buildingId: room.buildingId,
    roomKind: room.kind,
    organisationId: o.organisationId,
    organisationKind: o.organisationKind,
    ageGroup: o.ageGroup,
    ruleId: o.ruleId,
    occurrences: 0,
    bookedSeconds: 0,
    usedSeconds: 0,
    noShowSeconds: 0,
    cancelledLateSeconds: 0,
    cancelledInTimeSeconds: 0,
    bookedLeafSeconds: 0,
    participants: 0,
    listOre: 0,
    waivedOre: 0,
    chargedOre: 0,
  };
}
