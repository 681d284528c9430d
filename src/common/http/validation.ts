import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

interface FieldProblem {
  field: string;
  problems: string[];
  /** The first failed rule's stable name, e.g. `nonexistent_local_time` (see common/http/field-types). */
  reason: string;
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints
      ? [{ field, problems: Object.values(e.constraints), reason: Object.keys(e.constraints)[0] }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validation at the edge: unknown fields are refused, types converted, failures answer VALIDATION_FAILED. */
export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: false,
  stopAtFirstError: false,
  exceptionFactory: (errors) => {
    const details = flatten(errors);
    const message =
      details
        .flatMap((d) => d.problems)
        .slice(0, 5)
        .join('; ') || 'The request is not valid';
    return new DomainError('VALIDATION_FAILED', message, details);
  },
});
