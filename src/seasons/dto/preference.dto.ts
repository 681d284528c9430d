import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { ClockField } from '../../common/http/field-types';

/** One weekly alternative of a season application, in Oslo wall-clock time. */
export interface Preference {
  roomId: string;
  weekday: number;
  startTime: string;
  endTime: string;
}

export class SeasonPreferenceDto implements Preference {
  @ApiProperty({ format: 'uuid', description: 'A room in the season' })
  @IsUUID()
  roomId!: string;

  @ApiProperty({ minimum: 1, maximum: 7, example: 2, description: 'ISO weekday, Monday 1' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @ClockField({ example: '18:00' })
  startTime!: string;

  @ClockField({ example: '19:30' })
  endTime!: string;
}
