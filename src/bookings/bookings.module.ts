import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { VenuesModule } from '../venues/venues.module';
import { BookingPlanner } from './booking-planner';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { ConflictsController } from './conflicts.controller';
import { ConflictsService } from './conflicts.service';
import { DecisionsService } from './decisions.service';
import { OccurrencesController } from './occurrences.controller';
import { OpenConflictsService } from './open-conflicts.service';
import { QuoteController } from './quote.controller';

@Module({
  imports: [VenuesModule, FeesModule],
  controllers: [BookingsController, OccurrencesController, ConflictsController, QuoteController],
  providers: [BookingsService, BookingPlanner, ConflictsService, DecisionsService, OpenConflictsService],
  exports: [BookingsService, ConflictsService],
})
export class BookingsModule {}
