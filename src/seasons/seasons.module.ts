import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module';
import { VenuesModule } from '../venues/venues.module';
import { AllocationController } from './allocation.controller';
import { AllocationInputBuilder } from './allocation-input';
import { SeasonAllocationJob } from './allocation.job';
import { AllocationService } from './allocation.service';
import { SeasonApplicationsController } from './season-applications.controller';
import { SeasonApplicationsService } from './season-applications.service';
import { SeasonCommitService } from './season-commit.service';
import { SeasonsController } from './seasons.controller';
import { SeasonsService } from './seasons.service';

/**
 * Season rounds: applications, the allocation (job in the worker), commit and publication. It writes
 * booking records through src/booking-records and never imports BookingsModule; BookingIntakeModule
 * joins the two for POST /booking-requests.
 */
@Module({
  imports: [VenuesModule, FeesModule],
  controllers: [SeasonsController, SeasonApplicationsController, AllocationController],
  providers: [
    SeasonsService,
    SeasonApplicationsService,
    AllocationInputBuilder,
    AllocationService,
    SeasonAllocationJob,
    SeasonCommitService,
  ],
  exports: [SeasonApplicationsService],
})
export class SeasonsModule {}
