import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { VenuesModule } from '../venues/venues.module';
import { BookingNotices } from './booking-notices';
import { BookingPlanner } from './booking-planner';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { ConflictsController } from './conflicts.controller';
import { ConflictsService } from './conflicts.service';
import { DecisionsService } from './decisions.service';
import { OccurrenceChangesService } from './occurrence-changes.service';
import { OccurrencesController } from './occurrences.controller';
import { OpenConflictsService } from './open-conflicts.service';
import { QuoteController } from './quote.controller';
import { Repricer } from './repricer';

@Module({
  imports: [VenuesModule, FeesModule],
  controllers: [BookingsController, OccurrencesController, ConflictsController, QuoteController],
  providers: [
    BookingsService,
    BookingPlanner,
    ConflictsService,
    DecisionsService,
    OccurrenceChangesService,
    Repricer,
    OpenConflictsService,
    BookingNotices,
  ],
  exports: [BookingsService, ConflictsService],
})
export class BookingsModule {}
