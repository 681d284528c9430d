import { Module } from '@nestjs/common';
import { BookingsModule } from '../bookings/bookings.module';
import { SeasonsModule } from '../seasons/seasons.module';
import { BookingIntakeController } from './booking-intake.controller';

/** The one route that takes a booking or a season application (see BookingIntakeController). */
@Module({
  imports: [BookingsModule, SeasonsModule],
  controllers: [BookingIntakeController],
})
export class BookingIntakeModule {}
