import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { Building } from './building.entity';
import { BuildingQuery, BuildingView, CreateBuildingDto, UpdateBuildingDto } from './dto/venue.dto';
import { toBuildingView } from './venue-views';

@Injectable()
export class BuildingsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(dto: CreateBuildingDto): Promise<BuildingView> {
    const saved = await this.dataSource.getRepository(Building).save({
      name: dto.name,
      kind: dto.kind,
      address: dto.address ?? null,
      closedOnPublicHolidays: dto.closedOnPublicHolidays ?? true,
    });
    return toBuildingView(saved);
  }

  async update(id: string, dto: UpdateBuildingDto): Promise<BuildingView> {
    const repo = this.dataSource.getRepository(Building);
    const building = await repo.findOneBy({ id });
    if (!building) throw notFound('Building');
    const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    return toBuildingView(await repo.save({ ...building, ...changes }));
  }

  async get(id: string): Promise<BuildingView> {
    const building = await this.dataSource.getRepository(Building).findOneBy({ id });
    if (!building) throw notFound('Building');
    return toBuildingView(building);
  }

  async list(q: BuildingQuery): Promise<Page<BuildingView>> {
    const [items, total] = await this.dataSource.getRepository(Building).findAndCount({
      where: q.kind ? { kind: q.kind } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: q.limit,
      skip: q.offset,
    });
    return { items: items.map(toBuildingView), total };
  }
}
