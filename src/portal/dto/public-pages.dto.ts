import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { DateField } from '../../common/http/field-types';
import { RuleConditionsDto, RuleEffectDto } from '../../fees/dto/exemption-rule.dto';
import { PublicOrganisationView } from './portal.dto';

/** A window of whole days in Oslo, both included. */
export class DayRangeQuery {
  @DateField({ description: 'First day (Oslo)' })
  from!: string;

  @DateField({ description: 'Last day (Oslo), included' })
  to!: string;
}

export class ActivitiesQuery extends DayRangeQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

/** An approved booking of a verified organisation, as the public calendar shows it: no person in it. */
export class ActivityView {
  @ApiProperty({ format: 'uuid', description: 'The occurrence' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'uuid' }) roomId!: string;
  @ApiProperty() roomName!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() buildingName!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
}

export class ActivitiesAnswer {
  @ApiProperty({ type: [ActivityView] }) items!: ActivityView[];
}

/** Time a room cannot be had: booked (by whom is not said) or closed. */
export class BusyTimeView {
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ enum: ['booked', 'closed'] }) reason!: 'booked' | 'closed';
}

export class BusyTimesAnswer {
  @ApiProperty({ type: [BusyTimeView] }) items!: BusyTimeView[];
}

/** What free use of municipal rooms was worth to an organisation in a year: waived rent from the records. */
export class PublicSupportView {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Approved bookings this year, past and coming' }) bookings!: number;
  @ApiProperty({ description: 'Hours booked' }) hours!: number;
  @ApiProperty({ description: 'The list price of those hours, øre' }) listOre!: number;
  @ApiProperty({ description: 'What the municipality waived (its support), øre' }) waivedOre!: number;
}

export class PublicOrganisationDetail extends PublicOrganisationView {
  @ApiProperty({ type: PublicSupportView }) support!: PublicSupportView;
}

/** An exemption rule valid today, as the public may read it (who made it is left out). */
export class PublicRuleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) validTo!: string | null;
  @ApiProperty({ type: RuleConditionsDto }) conditions!: RuleConditionsDto;
  @ApiProperty({ type: RuleEffectDto }) effect!: RuleEffectDto;
}

export class PublicRulesAnswer {
  @ApiProperty({ type: [PublicRuleView], description: 'In rank order: the first that matches applies' })
  items!: PublicRuleView[];
}
