import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-registry';

export const JOB_HANDLER = 'frirom:job-handler';

/** Marks a provider method as the handler of a job; it receives the job's typed payload. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
