import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/roles';
import { ErrorAnswer, toErrorAnswer } from './error-mapping';
import { requestLocale } from './locale';

/** Answers an error in the one shape, in the caller's language, saying which (Content-Language). */
export function sendError(req: Request & { user?: AuthUser }, res: Response, error: unknown): ErrorAnswer {
  const locale = requestLocale(req);
  const body = toErrorAnswer(error, locale);
  const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (retryAfter) res.setHeader('Retry-After', String(retryAfter));
  res.setHeader('Content-Language', locale);
  res.vary('Accept-Language');
  res.status(body.statusCode).type('application/json').json(body);
  return body;
}
