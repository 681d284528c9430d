import { Module } from '@nestjs/common';
import { ExemptionRulesController } from './exemption-rules.controller';
import { ExemptionRulesService } from './exemption-rules.service';
import { FeeSimulationService } from './fee-simulation.service';
import { FeesController } from './fees.controller';
import { FeesService } from './fees.service';
import { PriceListsController } from './price-lists.controller';
import { PriceListsService } from './price-lists.service';

/** Price lists, exemption rules, pricing of bookings (FeesService, for the bookings module) and simulation. */
@Module({
  controllers: [PriceListsController, ExemptionRulesController, FeesController],
  providers: [PriceListsService, ExemptionRulesService, FeesService, FeeSimulationService],
  exports: [FeesService],
})
export class FeesModule {}
