import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../common/auth/decorators';
import { AuthUser, isStaff } from '../common/auth/roles';
import { notFound } from '../common/errors/domain-error';
import { IdParam } from '../common/http/id-param';
import { JobsService } from './jobs.service';

class JobStatus {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'seasons.allocate' }) name!: string;
  @ApiProperty({ example: 'active', description: 'waiting, delayed, active, completed or failed' })
  state!: string;
  @ApiProperty({
    description: 'A number from 0 to 100, or an object the job reports',
    oneOf: [{ type: 'number' }, { type: 'object', additionalProperties: true }],
  })
  progress!: unknown;
  @ApiPropertyOptional() result?: unknown;
  @ApiPropertyOptional() failedReason?: string;
}

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'The state and progress of a long-running job (whoever started it, staff)' })
  @ApiOkResponse({ type: JobStatus })
  async get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<JobStatus> {
    const job = await this.jobs.find(id);
    if (!job || (job.requestedBy !== user.id && !isStaff(user))) throw notFound('Job');
    const { requestedBy: _requestedBy, ...view } = job;
    return view;
  }
}
