import { ApiErrors } from '../common/errors/api-errors';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators';
import { ConflictGroupPage, OpenConflictsQuery } from './dto/conflicts.dto';
import { OpenConflictsService } from './open-conflicts.service';

@ApiTags('bookings')
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly conflicts: OpenConflictsService) {}

  @Get()
  @Roles('staff')
  @ApiOperation({
    summary: 'Open conflicts: competing pending occurrences and the booked or closed time they meet',
  })
  @ApiOkResponse({ type: ConflictGroupPage })
  @ApiErrors('INVALID_TIME_RANGE')
  list(@Query() q: OpenConflictsQuery): Promise<ConflictGroupPage> {
    return this.conflicts.list(q);
  }
}
