import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, ROOM_KINDS, RoomKind } from '../../core/domain';
import { ClockField, DateField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';
import { QueryBoolean } from '../../common/http/transforms';

/** What the public directory shows of an organisation: no people, no e-mail, no phone. */
export class PublicOrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Home municipality number' })
  municipalityNumber!: string | null;
}

export class PublicOrganisationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ description: 'Part of the name, any case', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: ['name', 'newest'],
    default: 'name',
    description: 'newest: last verified first',
  })
  @IsOptional()
  @IsIn(['name', 'newest'])
  sort?: 'name' | 'newest';
}

export class FreeRoomsQuery extends PageQuery {
  @DateField({ example: '2027-09-07' })
  date!: string;

  @ClockField({ example: '18:00' })
  from!: string;

  @ClockField({ example: '20:00' })
  to!: string;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  minCapacity?: number;

  @ApiPropertyOptional({ enum: ROOM_KINDS })
  @IsOptional()
  @IsIn(ROOM_KINDS)
  kind?: RoomKind;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  accessible?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
}

export class FreeRoomView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROOM_KINDS }) kind!: RoomKind;
  @ApiProperty() capacity!: number;
  @ApiProperty({ nullable: true, type: Number }) areaSqm!: number | null;
  @ApiProperty() accessible!: boolean;
  @ApiProperty({ type: [String] }) facilities!: string[];
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() buildingName!: string;
}

export class FreeRoomsAnswer {
  @ApiProperty({ type: [FreeRoomView] }) items!: FreeRoomView[];
  @ApiProperty() total!: number;
}

export class CalendarQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @DateField({ optional: true, description: 'First day; default 90 days ago' })
  from?: string;

  @DateField({ optional: true, description: 'Last day; default 400 days ahead' })
  @NotBefore('from')
  to?: string;
}
