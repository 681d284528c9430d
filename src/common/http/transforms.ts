import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims a string and lower-cases it (e-mail addresses). Leaves other types for the validators to reject. */
export const NormalizeEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );

/** Trims a string. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Query strings carry booleans as text: "true"/"false" (also 1/0). */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value,
  );

/**
 * The field may be left out, but not sent as null (IsOptional lets null through, which would reach a
 * NOT NULL column). Use IsOptional only where null is a meaningful value.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
