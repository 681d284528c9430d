import { formatClock, formatInstant } from '../common/time';
import { Building } from './building.entity';
import { Closure } from './closure.entity';
import { BuildingView, ClosureView, RoomView } from './dto/venue.dto';
import { OpeningHours } from './opening-hours.entity';
import { Room } from './room.entity';

export const toBuildingView = (b: Building): BuildingView => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  address: b.address,
  closedOnPublicHolidays: b.closedOnPublicHolidays,
});

export const toRoomView = (r: Room, hours: OpeningHours[], sectionIds: string[]): RoomView => ({
  id: r.id,
  buildingId: r.buildingId,
  name: r.name,
  kind: r.kind,
  capacity: r.capacity,
  areaSqm: r.areaSqm,
  accessible: r.accessible,
  facilities: r.facilities,
  parentRoomId: r.parentRoomId,
  sectionIds,
  openingHours: hours
    .sort((a, b) => a.weekday - b.weekday || a.opens - b.opens)
    .map((h) => ({ weekday: h.weekday, opens: formatClock(h.opens), closes: formatClock(h.closes) })),
});

export const toClosureView = (c: Closure): ClosureView => ({
  id: c.id,
  roomId: c.roomId,
  buildingId: c.buildingId,
  startsAt: formatInstant(c.startsAt),
  endsAt: formatInstant(c.endsAt),
  reason: c.reason,
});
