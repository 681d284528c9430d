import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, isUniqueViolation, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { parseClock } from '../common/time';
import { openingHoursProblems, OpeningWindow } from '../core/venues/opening-hours';
import { RoomTree } from '../core/venues/room-tree';
import { Building } from './building.entity';
import { CreateRoomDto, OpeningHoursDto, RoomQuery, RoomView, UpdateRoomDto } from './dto/venue.dto';
import { OpeningHours } from './opening-hours.entity';
import { rebuildRoomLeaves } from './room-leaves';
import { Room } from './room.entity';
import { toRoomView } from './venue-views';

@Injectable()
export class RoomsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateRoomDto): Promise<RoomView> {
    const room = await this.inTransaction(async (m) => {
      if (!(await m.existsBy(Building, { id: dto.buildingId }))) throw notFound('Building');
      if (dto.parentRoomId) await this.checkParent(m, dto.buildingId, dto.parentRoomId);
      const saved = await m.getRepository(Room).save({
        buildingId: dto.buildingId,
        name: dto.name,
        kind: dto.kind,
        capacity: dto.capacity,
        areaSqm: dto.areaSqm ?? null,
        accessible: dto.accessible ?? false,
        facilities: dto.facilities ?? [],
        parentRoomId: dto.parentRoomId ?? null,
      });
      await rebuildRoomLeaves(m, dto.buildingId);
      return saved;
    });
    return this.get(room.id);
  }

  async update(id: string, dto: UpdateRoomDto): Promise<RoomView> {
    await this.inTransaction(async (m) => {
      const room = await m.findOneBy(Room, { id });
      if (!room) throw notFound('Room');
      if (dto.parentRoomId) await this.checkParent(m, room.buildingId, dto.parentRoomId, room.id);
      const changes: Partial<Room> = {
        name: dto.name,
        kind: dto.kind,
        capacity: dto.capacity,
        areaSqm: dto.areaSqm,
        accessible: dto.accessible,
        facilities: dto.facilities,
        parentRoomId: dto.parentRoomId,
      };
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(defined).length > 0) await m.getRepository(Room).update(id, defined);
      if (dto.parentRoomId !== undefined) await rebuildRoomLeaves(m, room.buildingId);
    });
    return this.get(id);
  }

  async get(id: string): Promise<RoomView> {
    const room = await this.dataSource.getRepository(Room).findOneBy({ id });
    if (!room) throw notFound('Room');
    const [view] = await this.views([room]);
    return view;
  }

  async list(q: RoomQuery): Promise<Page<RoomView>> {
    const qb = this.dataSource
      .getRepository(Room)
      .createQueryBuilder('r')
      .orderBy('r.buildingId')
      .addOrderBy('r.name')
      .addOrderBy('r.id')
      .take(q.limit)
      .skip(q.offset);
    if (q.buildingId) qb.andWhere('r.buildingId = :buildingId', { buildingId: q.buildingId });
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.minCapacity !== undefined)
      qb.andWhere('r.capacity >= :minCapacity', { minCapacity: q.minCapacity });
    if (q.accessible !== undefined) qb.andWhere('r.accessible = :accessible', { accessible: q.accessible });
    const [rooms, total] = await qb.getManyAndCount();
    return { items: await this.views(rooms), total };
  }

  async setOpeningHours(id: string, dto: OpeningHoursDto): Promise<RoomView> {
    const windows: OpeningWindow[] = dto.hours.map((h) => ({
      weekday: h.weekday,
      opens: parseClock(h.opens)!,
      closes: parseClock(h.closes)!,
    }));
    const problems = openingHoursProblems(windows);
    if (problems.length > 0)
      throw new DomainError('INVALID_OPENING_HOURS', problems.join('; '), { problems });
    await this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(Room, { id }))) throw notFound('Room');
      await m.delete(OpeningHours, { roomId: id });
      if (windows.length > 0)
        await m.insert(
          OpeningHours,
          windows.map((w) => ({ ...w, roomId: id })),
        );
    });
    return this.get(id);
  }

  /** A transaction whose unique-name violation answers 409 with a clear message. */
  private async inTransaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'rooms_building_name_key')) {
        throw new DomainError('CONFLICT', 'A room with this name exists in the building already');
      }
      throw error;
    }
  }

  /**
   * A parent must exist, be in the same building, and (for an existing room, which may have sections)
   * not make the rooms a cycle; a new room has no sections, so it cannot close one.
   */
  private async checkParent(
    m: EntityManager,
    buildingId: string,
    parentId: string,
    roomId?: string,
  ): Promise<void> {
    const parent = await m.findOneBy(Room, { id: parentId });
    if (!parent) throw new DomainError('INVALID_SECTION', 'The parent room does not exist');
    if (parent.buildingId !== buildingId) {
      throw new DomainError('INVALID_SECTION', 'A section must be in the same building as its parent room');
    }
    if (!roomId) return;
    const rooms = await m.find(Room, { where: { buildingId }, select: { id: true, parentRoomId: true } });
    if (new RoomTree(rooms).wouldCycle(roomId, parentId)) {
      throw new DomainError('INVALID_SECTION', 'A room cannot be a section of itself or of its own sections');
    }
  }

  private async views(rooms: Room[]): Promise<RoomView[]> {
    if (rooms.length === 0) return [];
    const ids = rooms.map((r) => r.id);
    const [hours, sections] = await Promise.all([
      this.dataSource.getRepository(OpeningHours).findBy({ roomId: In(ids) }),
      this.dataSource
        .getRepository(Room)
        .find({ where: { parentRoomId: In(ids) }, select: { id: true, parentRoomId: true } }),
    ]);
    return rooms.map((r) =>
      toRoomView(
        r,
        hours.filter((h) => h.roomId === r.id),
        sections
          .filter((s) => s.parentRoomId === r.id)
          .map((s) => s.id)
          .sort(),
      ),
    );
  }
}
