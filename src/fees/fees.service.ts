import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AgeGroup, OrganisationKind } from '../core/domain';
import { compileRules, ExemptionRule, OccurrenceFee, priceOccurrence } from '../core/pricing';
import { loadCurrentRules, loadRoomFacts, RoomFacts } from './pricing-queries';

export interface RequestForPricing {
  organisation: {
    kind: OrganisationKind;
    inFrivillighetsregisteret: boolean;
    municipalityNumber: string | null;
  };
  ageGroup: AgeGroup;
  chargesEntranceFee: boolean;
  /** A repeating request: the per-series fixed fee goes on its first occurrence. */
  repeating: boolean;
  /**
   * Repeating requests only: whether the series starts among these occurrences (default true). False when
   * pricing later occurrences of a series again (a move, a re-price): none of them then carries the series
   * fee, and none the per-booking fee either.
   */
  seriesStartsHere?: boolean;
  /** In time order. */
  occurrences: { roomId: string; startsAt: Date; endsAt: Date }[];
}

/** Prices bookings under today's rules: what the bookings module stores on each occurrence. */
@Injectable()
export class FeesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Prices every occurrence under the current versions of the rules; same order as given. Reads rooms,
   * buildings, price lists and rules in two queries (none per occurrence). An unknown room answers
   * NOT_FOUND; an occurrence that does not end after it starts, INVALID_TIME_RANGE.
   */
  async priceRequest(
    request: RequestForPricing,
    m: EntityManager = this.dataSource.manager,
  ): Promise<OccurrenceFee[]> {
    const { occurrences } = request;
    if (occurrences.length === 0) return [];
    if (occurrences.some((o) => !(o.endsAt.getTime() > o.startsAt.getTime())))
      throw new DomainError('INVALID_TIME_RANGE', 'An occurrence must end after it starts');
    // One after the other: the manager may be a transaction's single connection.
    const rooms = await loadRoomFacts(m, [...new Set(occurrences.map((o) => o.roomId))]);
    return this.priceWith(request, rooms, await loadCurrentRules(m));
  }

  /**
   * Prices the occurrences as priceRequest does, with the rooms' facts and today's rules already read
   * (a caller that reads them along with other things in one statement). An unknown room answers
   * NOT_FOUND.
   */
  priceWith(
    request: RequestForPricing,
    rooms: Map<string, RoomFacts>,
    currentRules: ExemptionRule[],
  ): OccurrenceFee[] {
    const { occurrences } = request;
    const rules = compileRules(currentRules);
    const context = { homeMunicipalityNumber: this.config.homeMunicipalityNumber };
    const first = request.seriesStartsHere === false ? -1 : earliest(occurrences);
    return occurrences.map((o, i) => {
      const room = rooms.get(o.roomId);
      if (!room) throw notFound('Room');
      return priceOccurrence(
        {
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          series: { repeating: request.repeating, first: i === first },
          organisation: request.organisation,
          ageGroup: request.ageGroup,
          chargesEntranceFee: request.chargesEntranceFee,
          building: { kind: room.buildingKind },
          room: { kind: room.roomKind },
          priceList: room.priceList,
        },
        rules,
        context,
      );
    });
  }
}

/** Index of the first occurrence in time (the first of equals): "in time order" is not trusted blindly. */
function earliest(occurrences: { startsAt: Date }[]): number {
  let best = 0;
  for (let i = 1; i < occurrences.length; i++)
    if (occurrences[i].startsAt.getTime() < occurrences[best].startsAt.getTime()) best = i;
  return best;
}
