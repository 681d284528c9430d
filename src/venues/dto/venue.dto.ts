import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { BUILDING_KINDS, BuildingKind, ROOM_KINDS, RoomKind } from '../../core/domain';
import { ClockField, InstantField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';
import { Optional, QueryBoolean, Trim } from '../../common/http/transforms';

export class CreateBuildingDto {
  @ApiProperty({ example: 'Rustad skole' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: BUILDING_KINDS })
  @IsIn(BUILDING_KINDS)
  kind!: BuildingKind;

  @ApiPropertyOptional({ example: 'Idrettsveien 3, 1433 Ås', nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ default: true, description: 'Closed on Norwegian public holidays' })
  @Optional()
  @IsBoolean()
  closedOnPublicHolidays?: boolean;
}

export class UpdateBuildingDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: BUILDING_KINDS })
  @Optional()
  @IsIn(BUILDING_KINDS)
  kind?: BuildingKind;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  closedOnPublicHolidays?: boolean;
}

export class BuildingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: BUILDING_KINDS }) kind!: BuildingKind;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty() closedOnPublicHolidays!: boolean;
}

export class BuildingQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BUILDING_KINDS })
  @IsOptional()
  @IsIn(BUILDING_KINDS)
  kind?: BuildingKind;
}

export class CreateRoomDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  buildingId!: string;

  @ApiProperty({ example: 'Gymsal' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROOM_KINDS })
  @IsIn(ROOM_KINDS)
  kind!: RoomKind;

  @ApiProperty({ minimum: 1, maximum: 100000, example: 60 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000, nullable: true, type: Number, example: 280 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  areaSqm?: number | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Makes this room a section of that one',
  })
  @IsOptional()
  @IsUUID()
  parentRoomId?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Step-free access' })
  @Optional()
  @IsBoolean()
  accessible?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['basketball', 'sound_system'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  facilities?: string[];
}

export class UpdateRoomDto {
  @ApiPropertyOptional()
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROOM_KINDS })
  @Optional()
  @IsIn(ROOM_KINDS)
  kind?: RoomKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 100000 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  areaSqm?: number | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'null makes it a room of its own',
  })
  @IsOptional()
  @IsUUID()
  parentRoomId?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean()
  accessible?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  facilities?: string[];
}

export class OpeningWindowDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday, Monday 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ClockField({ example: '17:00' })
  opens!: string;

  @ClockField({ example: '22:00' })
  closes!: string;
}

export class OpeningHoursDto {
  @ApiProperty({ type: [OpeningWindowDto] })
  @IsArray()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => OpeningWindowDto)
  hours!: OpeningWindowDto[];
}

export class RoomView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROOM_KINDS }) kind!: RoomKind;
  @ApiProperty() capacity!: number;
  @ApiProperty({ nullable: true, type: Number }) areaSqm!: number | null;
  @ApiProperty() accessible!: boolean;
  @ApiProperty({ type: [String] }) facilities!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentRoomId!: string | null;
  @ApiProperty({ type: [String], description: 'Direct sections of this room' }) sectionIds!: string[];
  @ApiProperty({ type: [OpeningWindowDto] }) openingHours!: OpeningWindowDto[];
}

export class RoomQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @ApiPropertyOptional({ enum: ROOM_KINDS })
  @IsOptional()
  @IsIn(ROOM_KINDS)
  kind?: RoomKind;

  @ApiPropertyOptional({ minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  minCapacity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  accessible?: boolean;
}

export class AvailabilityQuery {
  @InstantField({ plainDate: true })
  startsAt!: Date;

  @InstantField({ plainDate: true })
  @NotBefore('startsAt')
  endsAt!: Date;
}

export class UnavailabilityView {
  @ApiProperty({ enum: ['outside_opening_hours', 'closure', 'holiday'] }) kind!: string;
  @ApiPropertyOptional({ format: 'date' }) date?: string;
  @ApiPropertyOptional({ format: 'uuid' }) closureId?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ description: 'Name of the public holiday' }) name?: string;
}

export class AvailabilityView {
  @ApiProperty() open!: boolean;
  @ApiProperty({ type: [UnavailabilityView] }) reasons!: UnavailabilityView[];
}

export class CreateClosureDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The room closed (or give buildingId)' })
  @Optional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The building closed (or give roomId)' })
  @Optional()
  @IsUUID()
  buildingId?: string;

  @InstantField({ example: '2027-12-20T00:00' })
  startsAt!: Date;

  @InstantField({ example: '2028-01-03T00:00' })
  @NotBefore('startsAt')
  endsAt!: Date;

  @ApiProperty({ example: 'Juleferie' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ClosureView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) roomId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) buildingId!: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() reason!: string;
}

export class ClosureQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @InstantField({ optional: true, plainDate: true, description: 'Closures ending after this' })
  from?: Date;

  @InstantField({ optional: true, plainDate: true, description: 'Closures starting before this' })
  @NotBefore('from')
  to?: Date;
}
