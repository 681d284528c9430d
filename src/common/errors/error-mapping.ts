import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ERROR_STATUS, ErrorCode } from './error-codes';

export interface ErrorAnswer {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'LOGIN_THROTTLED',
  503: 'SERVICE_UNAVAILABLE',
};

/** PostgreSQL errors that can only come from a value a client sent; a safety net behind validation. */
const CLIENT_SQLSTATES: Record<string, ErrorCode> = {
  '22P02': 'VALIDATION_FAILED', // invalid_text_representation
  '22007': 'VALIDATION_FAILED', // invalid_datetime_format
  '22008': 'VALIDATION_FAILED', // datetime_field_overflow
  '22003': 'VALIDATION_FAILED', // numeric_value_out_of_range
  '22001': 'VALIDATION_FAILED', // string_data_right_truncation
  '22021': 'VALIDATION_FAILED', // character_not_in_repertoire
  '22P05': 'VALIDATION_FAILED', // untranslatable_character
  '23505': 'CONFLICT', // unique_violation
  '23P01': 'BOOKING_CONFLICT', // exclusion_violation
};

interface BodyParserError {
  type?: string;
  status?: number;
}

function answer(code: ErrorCode, message: string, details?: unknown): ErrorAnswer {
  return { statusCode: ERROR_STATUS[code], code, message, ...(details === undefined ? {} : { details }) };
}

/** Maps anything thrown while serving a request to the one error shape. */
export function toErrorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof DomainError) return answer(error.code, error.message, error.details);

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : error.message;
    return { statusCode: status, code, message };
  }

  const bodyError = error as BodyParserError;
  switch (bodyError?.type) {
    case 'entity.parse.failed':
      return answer('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return answer('PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer('UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
      return answer('VALIDATION_FAILED', 'The request body was incomplete');
  }

  if (error instanceof QueryFailedError) {
    const sqlState = (error.driverError as { code?: string } | undefined)?.code;
    const code = sqlState ? CLIENT_SQLSTATES[sqlState] : undefined;
    if (code)
      return answer(code, code === 'VALIDATION_FAILED' ? 'A value is out of range or malformed' : 'Conflict');
  }

  return answer('INTERNAL', 'Internal server error');
}
