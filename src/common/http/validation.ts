import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DomainError, FieldProblem } from '../errors/domain-error';
import { Params } from '../errors/messages';

/**
 * Names every plain object answers to through its prototype. class-validator's whitelist looks fields
 * up in a plain object, so `constructor` or `toString` passed as "known"; they are refused here, for
 * every body and query, before any DTO sees them.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const UNKNOWN_FIELD = 'whitelistValidation';

/** Paths of fields named like Object.prototype's members, at any depth. */
export function reservedFields(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((key) => {
    const field = prefix ? `${prefix}.${key}` : key;
    const own = RESERVED.has(key) ? [field] : [];
    return [...own, ...reservedFields((value as Record<string, unknown>)[key], field)];
  });
}

/** The arguments of one constraint on one property (the 5 of @Min(5)), as message parameters. */
function constraintParams(error: ValidationError, constraint: string): Params {
  const target = error.target?.constructor;
  if (!target) return {};
  const meta = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
  const args = constraint === 'isEnum' ? meta?.constraints?.slice(1) : meta?.constraints;
  return Object.fromEntries(
    (args ?? []).map((a: unknown, i: number) => [String(i), Array.isArray(a) ? a.join(', ') : String(a)]),
  );
}

/** Of a field's failed constraints the one to show: what it is (type, format) before how big it is. */
const rank = (code: string): number => (code === 'whitelistValidation' ? 0 : code.startsWith('is') ? 1 : 2);

/** One problem per failing field, at its property path. */
function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const [first] = Object.entries(e.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    const value: Params = typeof e.value === 'string' ? { value: e.value } : {};
    const params: Params = { ...value, ...constraintParams(e, first?.[0] ?? '') };
    const own = first ? [{ field, code: first[0], params, en: first[1] }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const invalid = (fields: FieldProblem[]): DomainError =>
  new DomainError(
    'VALIDATION_FAILED',
    fields
      .slice(0, 5)
      .map((f) => f.en)
      .join('; ') || 'The request is not valid',
    undefined,
    { fields },
  );

/** Validation at the edge: unknown fields are refused, types converted, failures answer VALIDATION_FAILED. */
@Injectable()
class FriromValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const reserved = reservedFields(value);
      if (reserved.length > 0) {
        throw invalid(
          reserved.map((field) => ({
            field,
            code: UNKNOWN_FIELD,
            params: {},
            en: `property ${field} should not exist`,
          })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

export const validationPipe = new FriromValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validateCustomDecorators: false,
  stopAtFirstError: false,
  // The target lets a failure find its constraint's arguments (the 0 of @Min(0)) for the message, the value
  // lets a message quote what was sent (`{value}`: only the date reasons do).
  validationError: { target: true, value: true },
  exceptionFactory: (errors) => invalid(flatten(errors)),
});
