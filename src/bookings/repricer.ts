import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OrganisationKind } from '../core/domain';
import type { OccurrenceFee } from '../core/pricing';
import { FeesService } from '../fees/fees.service';
import { BookingRequest } from '../booking-records/booking-request.entity';
import { Occurrence } from '../booking-records/occurrence.entity';

/** Prices occurrences of a request that exists already: a move, or a re-price staff ask for. */
@Injectable()
export class Repricer {
  constructor(private readonly fees: FeesService) {}

  /** Prices slots of an existing request; the series fee goes on them only if `first` opens the series. */
  async price(
    m: EntityManager,
    request: BookingRequest,
    slots: { roomId: string; startsAt: Date; endsAt: Date }[],
    first: Occurrence,
  ): Promise<OccurrenceFee[]> {
    const [org] = await m.query<
      { kind: OrganisationKind; in_frivillighetsregisteret: boolean; municipality_number: string | null }[]
    >('SELECT kind, in_frivillighetsregisteret, municipality_number FROM organisations WHERE id = $1', [
      request.organisationId,
    ]);
    const [opening] = await m.query<{ id: string }[]>(
      'SELECT id FROM booking_occurrences WHERE request_id = $1 ORDER BY starts_at, id LIMIT 1',
      [request.id],
    );
    return this.fees.priceRequest(
      {
        organisation: {
          kind: org.kind,
          inFrivillighetsregisteret: org.in_frivillighetsregisteret,
          municipalityNumber: org.municipality_number,
        },
        ageGroup: request.ageGroup,
        chargesEntranceFee: request.chargesEntranceFee,
        repeating: request.rrule !== null,
        seriesStartsHere: opening?.id === first.id,
        occurrences: slots,
      },
      m,
    );
  }
}

/** The columns an occurrence keeps of its fee. */
export const feeColumns = (fee: OccurrenceFee): Partial<Occurrence> => ({
  listOre: fee.listOre,
  waivedOre: fee.waivedOre,
  chargedOre: fee.chargedOre,
  ruleId: fee.ruleId,
  ruleVersion: fee.ruleVersion,
  fee,
});
