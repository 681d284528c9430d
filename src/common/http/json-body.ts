import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { toErrorAnswer } from '../errors/error-mapping';
import { DomainError } from '../errors/domain-error';

export const BODY_LIMIT = '256kb';

/**
 * Parses JSON bodies and nothing else: a body of another type answers 415, malformed JSON 400, an
 * oversized body 413, all in the one error shape (these fail before Nest's filter could see them).
 */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: BODY_LIMIT, strict: false, type: () => true });
  const fail = (res: Response, error: unknown): void => {
    const answer = toErrorAnswer(error);
    res.status(answer.statusCode).json(answer);
  };
  return (req: Request, res: Response, next: NextFunction) => {
    const type = req.is(['application/json', 'application/*+json']);
    if (type === null) return next(); // no body
    if (type === false) {
      return fail(res, new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
    }
    parse(req, res, (error?: unknown) => (error ? fail(res, error) : next()));
  };
}
