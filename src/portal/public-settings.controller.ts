import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../config/config';

/** The service's own rules a page must show as the service applies them (no secrets, nothing personal). */
export class PublicSettingsView {
  @ApiProperty({
    minimum: 0,
    example: 7,
    description: 'A cancellation closer to the start than this many days is late (and may be charged)',
  })
  lateCancellationDays!: number;

  @ApiProperty({ minimum: 1, example: 24, description: 'How far ahead a date may be booked, in months' })
  bookingHorizonMonths!: number;
}

@ApiTags('public')
@Controller('public')
@Public()
export class PublicSettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('settings')
  @ApiOperation({ summary: 'The booking rules the service applies: late cancellation, booking horizon' })
  @ApiOkResponse({ type: PublicSettingsView })
  settings(): PublicSettingsView {
    return {
      lateCancellationDays: this.config.lateCancellationDays,
      bookingHorizonMonths: this.config.bookingHorizonMonths,
    };
  }
}
