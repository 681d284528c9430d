import { ApiErrors } from '../common/errors/api-errors';
import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../common/auth/decorators';
import { AuthUser } from '../common/auth/roles';
import { IdParam } from '../common/http/id-param';
import { JobAcceptedView } from '../jobs/dto/job-accepted.dto';
import { AllocationService } from './allocation.service';
import { AllocationView, CommitDto, CommitView, MoveAssignmentDto, PinsDto } from './dto/allocation.dto';
import { SeasonCommitService } from './season-commit.service';

@ApiTags('seasons')
@Controller('seasons/:id')
@Roles('staff')
export class AllocationController {
  constructor(
    private readonly allocation: AllocationService,
    private readonly commits: SeasonCommitService,
  ) {}

  @Post('allocate')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue an allocation run around the pins; progress at GET /jobs/:id (staff)',
    description: 'While the round is open the run is a preview; commit waits for the deadline.',
  })
  @ApiAcceptedResponse({ type: JobAcceptedView })
  @ApiErrors('INVALID_STATE')
  allocate(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<JobAcceptedView> {
    return this.allocation.allocate(id, user);
  }

  @Get('allocation')
  @ApiOperation({ summary: 'The proposal: assignments and applications left out, each explained (staff)' })
  @ApiOkResponse({ type: AllocationView })
  get(@IdParam() id: string): Promise<AllocationView> {
    return this.allocation.get(id);
  }

  @Put('allocation/pins')
  @ApiOperation({
    summary: 'Fix assignments every run keeps; checked (400/409 with the problems); then run again (staff)',
  })
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors('INVALID_STATE', 'CONFLICT')
  pins(@IdParam() id: string, @Body() dto: PinsDto): Promise<AllocationView> {
    return this.allocation.setPins(id, dto.pins);
  }

  @Post('allocation/assignments/:requestId/move')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Grant another alternative of an application in the proposal, checked against the rest; pinned (staff)',
  })
  @ApiOkResponse({ type: AllocationView })
  @ApiErrors('INVALID_STATE', 'CONFLICT')
  move(
    @IdParam() id: string,
    @IdParam('requestId') requestId: string,
    @Body() dto: MoveAssignmentDto,
  ): Promise<AllocationView> {
    return this.allocation.move(id, requestId, dto);
  }

  @Post('allocation/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn the proposal into approved occurrences and tell every organisation; idempotent (staff)',
    description:
      'Dates closed by closures, public holidays or opening hours are skipped and recorded. Dates held by ' +
      'approved bookings outside the season answer 409 BOOKING_CONFLICT unless skipBookedDates is set.',
  })
  @ApiOkResponse({ type: CommitView })
  @ApiErrors('INVALID_STATE', 'CONFLICT', 'BOOKING_CONFLICT')
  commit(@IdParam() id: string, @Body() dto: CommitDto, @CurrentUser() user: AuthUser): Promise<CommitView> {
    return this.commits.commit(id, dto, user);
  }
}
