import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { SimulateDto, SimulationView } from './dto/simulation.dto';
import { FeeSimulationService } from './fee-simulation.service';

@ApiTags('fees')
@Controller('fees')
export class FeesController {
  constructor(private readonly simulation: FeeSimulationService) {}

  @Post('simulate')
  @HttpCode(200)
  @Roles('analyst', 'staff')
  @ApiOperation({
    summary: "A period's bookings priced under today's rules and under a proposed rule set (analyst, staff)",
    description:
      'Counts approved occurrences (and pending ones with includePending) whose Oslo start date is in ' +
      '[from, to], at most 2 years; cancelled, rejected and withdrawn ones never count. The proposed rules ' +
      'replace the current ones as a whole; an invalid one answers 400 INVALID_RULE naming its index.',
  })
  @ApiOkResponse({ type: SimulationView })
  @ApiErrors('INVALID_RULE', 'INVALID_TIME_RANGE')
  simulate(@Body() dto: SimulateDto): Promise<SimulationView> {
    return this.simulation.simulate(dto);
  }
}
