import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, LoggerOptions } from 'pino';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Query parameters an OpenID callback or a mailed link carries that must not reach a log. */
const SECRET_PARAMS = /([?&](?:code|state|token|id_token|session_state|iss)=)[^&#]*/g;

/** Replaces e-mail addresses in a text: logs never carry them. */
export const scrubEmails = (text: string): string => text.replace(EMAIL, '[email]');

/** A request URL for the log: no e-mail addresses, no authorization code, state or token. */
export const scrubUrl = (url: string): string => scrubEmails(url).replace(SECRET_PARAMS, '$1[redacted]');

/** Fields that may hold secrets or personal data, wherever they appear in a logged object. */
const REDACT = [
  'password',
  'passwordHash',
  'email',
  'phone',
  'accessToken',
  'token',
  'idToken',
  '*.password',
  '*.passwordHash',
  '*.email',
  '*.phone',
  '*.accessToken',
  '*.token',
  '*.idToken',
  '*.pid',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export function pinoOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    hooks: {
      // Scrub e-mail addresses out of every string argument, messages included.
      logMethod(args, method) {
        const clean = args.map((a: unknown) => (typeof a === 'string' ? scrubEmails(a) : a));
        method.apply(this, clean as Parameters<typeof method>);
      },
    },
  };
}

/** Which process logs: each line's `name`. */
export type ProcessName = 'frirom-api' | 'frirom-worker';

/** nestjs-pino settings: JSON logs, one request id per request (taken from X-Request-Id when sane). */
export function httpLoggerParams(
  level: string,
  destination?: DestinationStream,
  name: ProcessName = 'frirom-api',
): Params {
  return {
    pinoHttp: [
      {
        ...pinoOptions(level, name),
        genReqId: (req: IncomingMessage, res: ServerResponse): string => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          res.setHeader('X-Request-Id', id);
          return id;
        },
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: scrubUrl(req.url),
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        customLogLevel: (_req, res, err) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        autoLogging: { ignore: (req) => req.url === '/health' },
      },
      destination as DestinationStream,
    ],
  };
}
