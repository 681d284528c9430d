import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { isSameOriginOrSafe, readSessionCookie } from '../auth/session-cookie';
import { APP_CONFIG, AppConfig } from '../config/config';
import { SessionsService } from '../auth/sessions.service';
import { hasRole } from '../common/auth/roles';
import { DomainError } from '../common/errors/domain-error';
import { sendError } from '../common/errors/send-error';
import { QueueName } from '../jobs/job-registry';
import { JobsService } from '../jobs/jobs.service';

export const QUEUE_BOARD_PATH = '/admin/queues';
const COOKIE = 'frirom_queues_token';

/**
 * The queue dashboard (bull-board) for staff. A browser cannot send a bearer header, so the token may
 * come once as ?token=…; it is then kept in an HttpOnly cookie scoped to the dashboard.
 */
export function mountQueueBoard(app: INestApplication): void {
  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  const jobs = app.get(JobsService);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter: board,
  });
  const auth = app.get(SessionsService);
  const origin = new URL(app.get<AppConfig>(APP_CONFIG).publicUrl).origin;
  const refuse = (req: Request, res: Response, error: DomainError): void => void sendError(req, res, error);
  app.use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization?.startsWith('Bearer ')
      ? req.headers.authorization.slice(7)
      : undefined;
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const fromCookie = /(?:^|;\s*)frirom_queues_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    // The browser session counts too, for the dashboard's actions only from the service's own pages.
    const fromSession = isSameOriginOrSafe(req, origin) ? readSessionCookie(req) : undefined;
    const token = header ?? fromQuery ?? fromCookie ?? fromSession;
    if (!token) return refuse(req, res, new DomainError('UNAUTHENTICATED', 'Sign in first'));
    auth.authenticate(token).then(
      (user) => {
        if (!user) return refuse(req, res, new DomainError('UNAUTHENTICATED', 'Sign in first'));
        if (!hasRole(user, 'staff'))
          return refuse(req, res, new DomainError('FORBIDDEN', 'Only staff may see the queues'));
        if (fromQuery) {
          res.cookie(COOKIE, token, {
            httpOnly: true,
            sameSite: 'strict',
            path: QUEUE_BOARD_PATH,
            maxAge: 3_600_000,
          });
          return res.redirect(QUEUE_BOARD_PATH);
        }
        next();
      },
      () => refuse(req, res, new DomainError('SERVICE_UNAVAILABLE', 'Try again shortly')),
    );
  });
  app.use(QUEUE_BOARD_PATH, board.getRouter());
}
