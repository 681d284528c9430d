import { Column } from 'typeorm';
import type { AgeGroup, OrganisationKind, RoomKind } from '../../core/domain';
import type { UsageCounts } from '../../core/statistics/rollup';

/** What a daily and a monthly usage row both hold: who used which room under which rule, and the counts. */
export abstract class UsageColumns implements UsageCounts {
  @Column('uuid')
  roomId!: string;

  @Column('uuid')
  buildingId!: string;

  @Column('text')
  roomKind!: RoomKind;

  @Column('uuid')
  organisationId!: string;

  @Column('text')
  organisationKind!: OrganisationKind;

  @Column('text')
  ageGroup!: AgeGroup;

  /** The exemption rule that priced the occurrences; null when none applied. */
  @Column('uuid', { nullable: true })
  ruleId!: string | null;

  /** Approved occurrences starting this day. */
  @Column('integer')
  occurrences!: number;

  @Column('integer')
  bookedSeconds!: number;

  @Column('integer')
  usedSeconds!: number;

  @Column('integer')
  noShowSeconds!: number;

  @Column('integer')
  cancelledLateSeconds!: number;

  @Column('integer')
  cancelledInTimeSeconds!: number;

  /** Booked seconds times the leaf rooms the room occupies: the numerator of utilisation. */
  @Column('integer')
  bookedLeafSeconds!: number;

  @Column('integer')
  participants!: number;

  @Column('integer')
  listOre!: number;

  @Column('integer')
  waivedOre!: number;

  @Column('integer')
  chargedOre!: number;
}
