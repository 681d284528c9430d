import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsUUID, ValidateNested } from 'class-validator';
import { DateField, NotBefore } from '../../common/http/field-types';
import { Optional } from '../../common/http/transforms';
import { AGE_GROUPS, ORGANISATION_KINDS } from '../../core/domain';
import { CreateRuleDto } from './exemption-rule.dto';

export class ProposedRuleDto extends CreateRuleDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The rule this one stands for (to compare a changed rule with its current version)',
  })
  @Optional()
  @IsUUID()
  id?: string;
}

export class SimulateDto {
  @DateField({ example: '2026-01-01', description: 'First local start date counted' })
  from!: string;

  @DateField({
    example: '2026-12-31',
    description: 'Last local start date counted; at most 2 years after from',
  })
  @NotBefore('from')
  to!: string;

  @ApiProperty({
    type: [ProposedRuleDto],
    description: 'The whole proposed rule set: it replaces the current rules for the comparison',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProposedRuleDto)
  rules!: ProposedRuleDto[];

  @ApiPropertyOptional({ default: false, description: 'Count pending occurrences as well as approved ones' })
  @Optional()
  @IsBoolean()
  includePending?: boolean;
}

export class FeeTotalsView {
  @ApiProperty() listOre!: number;
  @ApiProperty() waivedOre!: number;
  @ApiProperty() chargedOre!: number;
}

export class SimulationGroupView {
  @ApiProperty({ description: 'What the group is: an organisation kind, a building id or an age group' })
  key!: string;
  @ApiPropertyOptional({ description: 'The building’s name (byBuilding only)' }) name?: string;
  @ApiProperty() occurrences!: number;
  @ApiProperty({ type: FeeTotalsView }) current!: FeeTotalsView;
  @ApiProperty({ type: FeeTotalsView }) proposed!: FeeTotalsView;
  @ApiProperty({ type: FeeTotalsView, description: 'proposed − current' }) difference!: FeeTotalsView;
}

export class SimulationPeriodView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
}

export class SimulationView {
  @ApiProperty({ type: SimulationPeriodView }) period!: SimulationPeriodView;
  @ApiProperty({ description: 'Occurrences priced' }) occurrences!: number;
  @ApiProperty({ type: FeeTotalsView, description: 'Under the current version of every rule' })
  current!: FeeTotalsView;
  @ApiProperty({ type: FeeTotalsView, description: 'Under the proposed rules' }) proposed!: FeeTotalsView;
  @ApiProperty({ type: FeeTotalsView, description: 'proposed − current' }) difference!: FeeTotalsView;
  @ApiProperty({ type: [SimulationGroupView], description: `Keys: ${ORGANISATION_KINDS.join(', ')}` })
  byOrganisationKind!: SimulationGroupView[];
  @ApiProperty({ type: [SimulationGroupView], description: 'Keys: building ids' })
  byBuilding!: SimulationGroupView[];
  @ApiProperty({ type: [SimulationGroupView], description: `Keys: ${AGE_GROUPS.join(', ')}` })
  byAgeGroup!: SimulationGroupView[];
}
