import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { scrubEmails } from '../logging/logging';
import { toErrorAnswer } from './error-mapping';
import { sendError } from './send-error';

/** The one place where errors become HTTP answers. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    if (res.headersSent) {
      if (toErrorAnswer(error).statusCode >= 500)
        this.logger.error({ err: describe(error) }, 'Unhandled error');
      return;
    }
    const body = sendError(http.getRequest<Request>(), res, error);
    if (body.statusCode >= 500) this.logger.error({ err: describe(error) }, 'Unhandled error');
  }
}

/** What a log may say about an error: never the query parameters or bodies that can hold personal data. */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubEmails(String(error)) };
  const code = (error as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code;
  return {
    type: error.name,
    message: scrubEmails(error.message),
    code,
    stack: error.stack && scrubEmails(error.stack),
  };
}
