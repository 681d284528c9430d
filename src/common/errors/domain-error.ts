import { ERROR_STATUS, ErrorCode } from './error-codes';

/**
 * An error the domain can name. Services throw it (never Nest's HTTP exceptions: the worker calls them
 * too); the HTTP filter turns it into {statusCode, code, message, details?}.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `${what} not found`);
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
