import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** How long a public, non-personal answer may be reused (by the web app's server, a proxy, a browser). */
export const PUBLIC_MAX_AGE_SECONDS = 30;

@Injectable()
class PublicCacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    // Set once the answer is made, so an error answer is never marked as reusable.
    return next
      .handle()
      .pipe(
        tap(() =>
          context
            .switchToHttp()
            .getResponse<Response>()
            .setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`),
        ),
      );
  }
}

/**
 * For a GET whose answer is the same for everyone and may be half a minute old (organisations, the
 * week's activities, the exemption rules, buildings): `Cache-Control: public, max-age=30` on success.
 */
export const PublicCache = () => UseInterceptors(PublicCacheInterceptor);
