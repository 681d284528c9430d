import { ERROR_STATUS, ErrorCode } from './error-codes';
import type { MessageKey, Params, Thing } from './messages';

/** One failing field of a request: what the validation pipe and the body parser report. */
export interface FieldProblem {
  /** The property path, e.g. `preferences.0.roomId`. */
  field: string;
  /** The constraint that failed, e.g. `isInt`, `min`, `whitelistValidation` (a key of FIELD_MESSAGES). */
  code: string;
  params: Params;
  /** class-validator's own English text, for constraints that set a precise one. */
  en?: string;
}

export interface MessageOptions {
  /** A more precise catalogue entry than the code's own (`'FORBIDDEN.roles'`). */
  key?: MessageKey;
  /** Filled into the catalogue's `{name}` placeholders. */
  params?: Params;
  /** Field-by-field problems; the answer's `details` lists them, each message in the caller's language. */
  fields?: FieldProblem[];
}

/**
 * An error the domain can name. Services throw it (never Nest's HTTP exceptions: the worker calls them
 * too); the HTTP filter turns it into {statusCode, code, message, details?}. `message` is the English
 * text; people reading bokmål get the catalogue's text for `options.key ?? code` (messages.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly options: MessageOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: Thing): DomainError =>
  new DomainError('NOT_FOUND', `${what} not found`, undefined, { params: { what } });
export const forbidden = (message = 'You may not do this'): DomainError =>
  new DomainError('FORBIDDEN', message);

/** Whether an error is PostgreSQL's unique_violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}

/** Whether an error is PostgreSQL's exclusion_violation: another booking took the time first. */
export const isExclusionViolation = (error: unknown): boolean =>
  (error as { driverError?: { code?: string } }).driverError?.code === '23P01';
