import { ApiProperty } from '@nestjs/swagger';

/** The answer to a request that queues a job (202): one class, so OpenAPI has one schema of this name. */
export class JobAcceptedView {
  @ApiProperty({ format: 'uuid', description: 'Follow it at GET /jobs/{jobId}' }) jobId!: string;
}
