import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { DateField, InstantField, NotBefore } from '../../common/http/field-types';
import { PageQuery } from '../../common/http/pagination';
import { Optional, Trim } from '../../common/http/transforms';
import { SEASON_STATUSES, SeasonStatus } from '../../core/seasons/season-status';

const RoomIds = (required: boolean): PropertyDecorator =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      type: [String],
      format: 'uuid',
      description: 'The rooms given out in the round (a hall and its courts are listed each)',
    }),
    IsArray(),
    ArrayMaxSize(500),
    ArrayUnique(),
    IsUUID('all', { each: true }),
    ...(required ? [] : [Optional()]),
  );

export class CreateSeasonDto {
  @ApiProperty({ example: 'Hallsesong 2027/28' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @DateField({ example: '2027-08-16', description: 'First date of the season' })
  startsOn!: string;

  @DateField({ example: '2028-06-15', description: 'Last date of the season' })
  @NotBefore('startsOn')
  endsOn!: string;

  @InstantField({ example: '2027-03-01T00:00', description: 'Applications are accepted from' })
  applicationOpensAt!: Date;

  @InstantField({ example: '2027-05-01T00:00', description: 'Applications are accepted until' })
  @NotBefore('applicationOpensAt')
  applicationDeadline!: Date;

  @RoomIds(false)
  roomIds?: string[];
}

export class UpdateSeasonDto {
  @ApiPropertyOptional({ example: 'Hallsesong 2027/28' })
  @Optional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @DateField({ optional: true, example: '2027-08-16' })
  startsOn?: string;

  @DateField({ optional: true, example: '2028-06-15' })
  @NotBefore('startsOn')
  endsOn?: string;

  @InstantField({ optional: true, example: '2027-03-01T00:00' })
  applicationOpensAt?: Date;

  @InstantField({
    optional: true,
    example: '2027-05-01T00:00',
    description: 'Moving it closes the round early or reopens it; a proposal then needs a new run',
  })
  applicationDeadline?: Date;

  @RoomIds(false)
  roomIds?: string[];
}

export class SeasonRoomsDto {
  @RoomIds(true)
  roomIds!: string[];
}

export class SeasonQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SEASON_STATUSES })
  @IsOptional()
  @IsIn(SEASON_STATUSES)
  status?: SeasonStatus;
}

export class SeasonRoomView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) buildingId!: string;
  @ApiProperty() buildingName!: string;
}

export class SeasonView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date-time' }) applicationOpensAt!: string;
  @ApiProperty({ format: 'date-time' }) applicationDeadline!: string;
  @ApiProperty({ enum: SEASON_STATUSES }) status!: SeasonStatus;
  @ApiProperty({ type: [String], format: 'uuid' }) roomIds!: string[];
  @ApiProperty({ type: [SeasonRoomView] }) rooms!: SeasonRoomView[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) committedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
