import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { sendError } from '../errors/send-error';

export const BODY_LIMIT = '256kb';

/** NUL and unpaired surrogates: JSON can carry them, PostgreSQL text cannot store them. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const refusedText = (): DomainError =>
  new DomainError(
    'VALIDATION_FAILED',
    'Text may not contain NUL characters or unpaired surrogates, and no field may be named __proto__',
    undefined,
    { key: 'VALIDATION_FAILED.badText' },
  );

/** Thrown inside body-parser, which decorates it with a status, so it is a plain Error marked as ours. */
const REFUSED_TEXT_MARK = 'frirom:unstorable-text';

const refuseBadText = (key: string, value: unknown): unknown => {
  if (key === '__proto__' || (typeof value === 'string' && UNSTORABLE.test(value))) {
    throw new Error(REFUSED_TEXT_MARK);
  }
  return value;
};

/** True when a query string or path holds text PostgreSQL could not store. */
export const hasUnstorableText = (value: unknown): boolean =>
  typeof value === 'string'
    ? UNSTORABLE.test(value)
    : typeof value === 'object' && value !== null && Object.values(value).some(hasUnstorableText);

/**
 * Parses JSON bodies and nothing else: a body of another type answers 415, malformed JSON 400, an
 * oversized body 413, all in the one error shape (these fail before Nest's filter could see them).
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({
    limit: BODY_LIMIT,
    strict: false,
    type: () => true,
    reviver: refuseBadText,
  });
  const fail = (req: Request, res: Response, error: unknown): void => void sendError(req, res, error);
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasUnstorableText(req.query) || hasUnstorableText(decodeURIComponentSafe(req.path))) {
      return fail(req, res, refusedText());
    }
    const empty = req.headers['content-length'] === '0' && req.headers['transfer-encoding'] === undefined;
    const type = empty ? null : req.is(['application/json', 'application/*+json']);
    if (type === null) return next(); // no body
    if (type === false) {
      return fail(req, res, new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
    }
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      fail(req, res, error instanceof Error && error.message === REFUSED_TEXT_MARK ? refusedText() : error);
    });
  };
}

function decodeURIComponentSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
