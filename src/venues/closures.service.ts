import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { Building } from './building.entity';
import { Closure } from './closure.entity';
import { ClosureQuery, ClosureView, CreateClosureDto } from './dto/venue.dto';
import { Room } from './room.entity';
import { toClosureView } from './venue-views';

@Injectable()
export class ClosuresService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateClosureDto): Promise<ClosureView> {
    if (Boolean(dto.roomId) === Boolean(dto.buildingId)) {
      throw new DomainError('VALIDATION_FAILED', 'Give either roomId or buildingId');
    }
    if (dto.endsAt <= dto.startsAt)
      throw new DomainError('INVALID_TIME_RANGE', 'endsAt must be after startsAt');
    if (dto.roomId && !(await this.dataSource.getRepository(Room).existsBy({ id: dto.roomId }))) {
      throw notFound('Room');
    }
    if (dto.buildingId && !(await this.dataSource.getRepository(Building).existsBy({ id: dto.buildingId }))) {
      throw notFound('Building');
    }
    const saved = await this.dataSource.getRepository(Closure).save({
      roomId: dto.roomId ?? null,
      buildingId: dto.buildingId ?? null,
      startsAt: dto.startsAt,
      endsAt: dto.endsAt,
      reason: dto.reason,
    });
    return toClosureView(saved);
  }

  async list(q: ClosureQuery): Promise<Page<ClosureView>> {
    const qb = this.dataSource
      .getRepository(Closure)
      .createQueryBuilder('c')
      .orderBy('c.startsAt')
      .addOrderBy('c.id')
      .take(q.limit)
      .skip(q.offset);
    if (q.roomId) qb.andWhere('c.roomId = :roomId', { roomId: q.roomId });
    if (q.buildingId) qb.andWhere('c.buildingId = :buildingId', { buildingId: q.buildingId });
    if (q.from) qb.andWhere('c.endsAt > :from', { from: q.from });
    if (q.to) qb.andWhere('c.startsAt < :to', { to: q.to });
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(toClosureView), total };
  }

  async remove(id: string): Promise<void> {
    const result = await this.dataSource.getRepository(Closure).delete({ id });
    if (!result.affected) throw notFound('Closure');
  }
}
