import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { formatInstant } from '../common/time';
import { RenterCategory, Weekday } from '../core/domain';
import { PriceList, validatePriceList } from '../core/pricing';
import { Room } from '../venues/room.entity';
import { PriceListDto, PriceListView } from './dto/price-list.dto';
import { RoomPrice } from './room-price.entity';

/** A room's price list: set, read and removed whole. */
@Injectable()
export class PriceListsService {
  constructor(private readonly dataSource: DataSource) {}

  async set(roomId: string, dto: PriceListDto): Promise<PriceListView> {
    const list = toPriceList(dto);
    const problems = validatePriceList(list);
    if (problems.length > 0)
      throw new DomainError('INVALID_PRICE_LIST', problems.slice(0, 5).join('; '), { problems });
    const saved = await this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(Room, { id: roomId }))) throw notFound('Room');
      await m.upsert(
        RoomPrice,
        {
          roomId,
          hourlyNonprofitOre: list.hourlyOre.nonprofit,
          hourlyPublicOre: list.hourlyOre.public,
          hourlyCommercialOre: list.hourlyOre.commercial,
          hourlyPrivateOre: list.hourlyOre.private,
          fixedPerBookingOre: list.fixedPerBookingOre ?? null,
          fixedPerSeriesOre: list.fixedPerSeriesOre ?? null,
          extras: list.extras ?? [],
          updatedAt: new Date(),
        },
        ['roomId'],
      );
      return m.findOneByOrFail(RoomPrice, { roomId });
    });
    return toView(saved);
  }

  async get(roomId: string): Promise<PriceListView> {
    const price = await this.dataSource.getRepository(RoomPrice).findOneBy({ roomId });
    if (price) return toView(price);
    throw notFound(
      (await this.dataSource.getRepository(Room).existsBy({ id: roomId })) ? 'Price list' : 'Room',
    );
  }

  async remove(roomId: string): Promise<void> {
    const result = await this.dataSource.getRepository(RoomPrice).delete({ roomId });
    if (!result.affected)
      throw notFound(
        (await this.dataSource.getRepository(Room).existsBy({ id: roomId })) ? 'Price list' : 'Room',
      );
  }
}

/** The DTO as a plain price list in the core's shape: only the fields given, no class instances. */
function toPriceList(dto: PriceListDto): PriceList {
  const fees = (given: Partial<Record<RenterCategory, number>> | null | undefined) =>
    given ? Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) : undefined;
  const fixedPerBookingOre = fees(dto.fixedPerBookingOre);
  const fixedPerSeriesOre = fees(dto.fixedPerSeriesOre);
  return {
    hourlyOre: {
      nonprofit: dto.hourlyOre.nonprofit,
      public: dto.hourlyOre.public,
      commercial: dto.hourlyOre.commercial,
      private: dto.hourlyOre.private,
    },
    ...(fixedPerBookingOre ? { fixedPerBookingOre } : {}),
    ...(fixedPerSeriesOre ? { fixedPerSeriesOre } : {}),
    ...(dto.extras
      ? {
          extras: dto.extras.map((e) => ({
            kind: e.kind,
            hourlyOre: e.hourlyOre,
            windows: e.windows.map((w) => ({
              weekdays: w.weekdays as Weekday[],
              from: w.from,
              to: w.to,
            })),
          })),
        }
      : {}),
  };
}

const toView = (p: RoomPrice): PriceListView => ({
  roomId: p.roomId,
  hourlyOre: {
    nonprofit: p.hourlyNonprofitOre,
    public: p.hourlyPublicOre,
    commercial: p.hourlyCommercialOre,
    private: p.hourlyPrivateOre,
  },
  fixedPerBookingOre: p.fixedPerBookingOre,
  fixedPerSeriesOre: p.fixedPerSeriesOre,
  extras: p.extras,
  updatedAt: formatInstant(p.updatedAt),
});
