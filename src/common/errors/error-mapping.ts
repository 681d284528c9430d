import { HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError, FieldProblem, MessageOptions } from './domain-error';
import { ERROR_STATUS, ErrorCode } from './error-codes';
import { codeMessage, fieldMessage, Locale } from './messages';

export interface FieldDetail {
  field: string;
  code: string;
  message: string;
}

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

/** One field's problem in the caller's language; class-validator's own English text is kept for en. */
export const fieldDetail = (locale: Locale, p: FieldProblem): FieldDetail => ({
  field: p.field,
  code: p.code,
  message: locale === 'en' && p.en ? p.en : fieldMessage(locale, p.code, { field: p.field, ...p.params }),
});

/**
 * The message of an answer: English callers read the English text the throw site wrote; everyone
 * else the catalogue's text for the site's key or its code.
 */
function message(locale: Locale, code: ErrorCode, english: string, options: MessageOptions): string {
  if (options.fields?.length) {
    const fields = options.fields.slice(0, 5).map((f) => fieldDetail(locale, f).message);
    return fields.join('; ');
  }
  if (locale === 'en' && english) return english;
  return (
    codeMessage(locale, options.key ?? code, options.params) ??
    codeMessage(locale, code, options.params) ??
    english
  );
}

function answer(
  locale: Locale,
  code: ErrorCode,
  english: string,
  details?: unknown,
  options: MessageOptions = {},
): ErrorAnswer {
  const shown = options.fields?.length ? options.fields.map((f) => fieldDetail(locale, f)) : details;
  return {
    statusCode: ERROR_STATUS[code],
    code,
    message: message(locale, code, english, options),
    ...(shown === undefined ? {} : { details: shown }),
  };
}

/** Maps anything thrown while serving a request to the one error shape, in the caller's language. */
export function toErrorAnswer(error: unknown, locale: Locale = 'nb'): ErrorAnswer {
  if (error instanceof DomainError)
    return answer(locale, error.code, error.message, error.details, error.options);

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
    const response = error.getResponse();
    const english =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : error.message;
    const params = code === 'NOT_FOUND' ? { what: 'Route' } : undefined;
    return { ...answer(locale, code, english, undefined, { params }), statusCode: status };
  }

  const bodyError = error as BodyParserError;
  switch (bodyError?.type) {
    case 'entity.parse.failed':
      return answer(locale, 'MALFORMED_JSON', 'The request body is not valid JSON');
    case 'entity.too.large':
      return answer(locale, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer(locale, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON');
    case 'request.aborted':
    case 'request.size.invalid':
      return answer(locale, 'VALIDATION_FAILED', 'The request body was incomplete', undefined, {
        key: 'VALIDATION_FAILED.incomplete',
      });
  }

  if (error instanceof QueryFailedError) {
    const sqlState = (error.driverError as { code?: string } | undefined)?.code;
    const code = sqlState ? CLIENT_SQLSTATES[sqlState] : undefined;
    if (code === 'VALIDATION_FAILED')
      return answer(locale, code, 'A value is out of range or malformed', undefined, {
        key: 'VALIDATION_FAILED.outOfRange',
      });
    if (code) return answer(locale, code, 'Conflict');
  }

  return answer(locale, 'INTERNAL', 'Internal server error');
}
