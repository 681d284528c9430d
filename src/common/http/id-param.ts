import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('INVALID_ID', 'The id in the path must be a UUID'),
});

/** A UUID path parameter; anything else answers 400 INVALID_ID. */
export const IdParam = (name = 'id'): ParameterDecorator => Param(name, uuid);
