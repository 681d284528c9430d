import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';
import { osloToday } from '../common/time';
import { sumCells, supportCells } from '../portal/support-records';
import { OrganisationSupportView } from './dto/support.dto';
import { Organisation } from './organisation.entity';
import { checkContact } from './contact-access';

/** An organisation's support statement: a year of approved bookings, by building and by month. */
@Injectable()
export class SupportStatementService {
  constructor(private readonly dataSource: DataSource) {}

  async statement(id: string, year: number | undefined, caller: AuthUser): Promise<OrganisationSupportView> {
    await checkContact(this.dataSource.manager, id, caller, 'Organisation');
    if (!(await this.dataSource.getRepository(Organisation).existsBy({ id }))) throw notFound('Organisation');
    const y = year ?? Number(osloToday().slice(0, 4));
    const cells = await supportCells(this.dataSource.manager, id, y);
    const buildings = [...new Map(cells.map((c) => [c.buildingId, c.buildingName])).entries()];
    return {
      organisationId: id,
      year: y,
      total: sumCells(cells),
      byBuilding: buildings.map(([buildingId, buildingName]) => ({
        buildingId,
        buildingName,
        ...sumCells(cells.filter((c) => c.buildingId === buildingId)),
      })),
      byMonth: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        ...sumCells(cells.filter((c) => c.month === i + 1)),
      })),
      cells: cells.map((c) => ({ buildingId: c.buildingId, month: c.month, ...sumCells([c]) })),
    };
  }
}
