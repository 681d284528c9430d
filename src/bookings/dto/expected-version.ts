import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from '../../common/http/transforms';

/**
 * `expectedVersion`: the request's `version` as the deciding person saw it. When given and the request
 * has changed since, nothing is done and the answer is 409 STALE_VIEW with the changes in `details`.
 */
export const ExpectedVersionField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      minimum: 0,
      example: 1,
      description:
        "The request's version the decision was made on (from its view); if it has changed since, 409 STALE_VIEW " +
        'with details {expectedVersion, currentVersion, changes: [{action, at, actorName, occurrenceIds, reason}]}',
    }),
    Optional(),
    IsInt(),
    Min(0),
    Max(1_000_000),
  );
