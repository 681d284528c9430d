import { NestExpressApplication } from '@nestjs/platform-express';
import { OpenAPIObject } from '@nestjs/swagger';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/config';

/** The web app's pages (DESIGN.md "The web app"); each also owns every path below it. */
export const WEB_PATHS = [
  '/lokaler',
  '/kalender',
  '/organisasjoner',
  '/logg-inn',
  '/registrer',
  '/glemt-passord',
  '/min-side',
  '/soknad',
  '/sesonger',
  '/saksbehandling',
  '/vaktmester',
  '/statistikk',
  '/invitasjon',
  '/bekreft-epost',
  '/logg-ut',
];

/** dist/web, built by `react-router build web` beside dist/src. */
export const WEB_BUILD_DIR = join(__dirname, '..', '..', 'web');

/** A path the web app answers: its pages, their data requests (`/lokaler.data`), route discovery. */
export function isWebPath(path: string): boolean {
  if (path === '/' || path === '/_root.data' || path === '/__manifest') return true;
  const page = path.endsWith('.data') ? path.slice(0, -'.data'.length) : path;
  return WEB_PATHS.some((p) => page === p || page.startsWith(`${p}/`));
}

/** Matches the API's own paths (from the OpenAPI document, plus the docs and the queue board). */
export function apiPathMatcher(document: OpenAPIObject): (path: string) => boolean {
  const patterns = Object.keys(document.paths).map(
    (p) => new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
  );
  const prefixes = ['/docs', '/admin/queues'];
  return (path) =>
    patterns.some((re) => re.test(path)) || prefixes.some((p) => path === p || path.startsWith(`${p}/`));
}

/**
 * Mounts the React Router server build (ESM) in the API's Express, ahead of the API's routes: the web
 * paths and their assets go to it, and so does any page a browser asks for (Accept: text/html) that is
 * no API path, so an unknown page is the web app's HTML 404; everything else stays with the API and
 * answers JSON. Loaders call the API back over HTTP on this process's own port.
 */
export async function mountWebApp(
  app: NestExpressApplication,
  config: AppConfig,
  document: OpenAPIObject,
): Promise<boolean> {
  const serverBuild = join(WEB_BUILD_DIR, 'server', 'index.mjs');
  if (!existsSync(serverBuild)) return false;
  const [build, adapter] = await Promise.all([
    importEsm<Record<string, unknown>>(serverBuild),
    importEsm<typeof import('@react-router/express')>('@react-router/express'),
  ]);
  const apiBaseUrl = `http://127.0.0.1:${config.port}`;
  const handler: RequestHandler = adapter.createRequestHandler({
    build: build as unknown as Parameters<typeof adapter.createRequestHandler>[0]['build'],
    mode: config.nodeEnv === 'production' ? 'production' : 'development',
    getLoadContext: () => ({ apiBaseUrl }),
  });
  const isApiPath = apiPathMatcher(document);
  const client = join(WEB_BUILD_DIR, 'client');
  // Hashed file names: cached for a year.
  app.use('/assets', express.static(join(client, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use('/favicon.svg', express.static(join(client, 'favicon.svg'), { maxAge: '1d' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage =
      (req.method === 'GET' || req.method === 'HEAD') &&
      (req.headers.accept ?? '').includes('text/html') &&
      !isApiPath(req.path);
    if (isWebPath(req.path) || wantsPage) return void handler(req, res, next);
    next();
  });
  return true;
}

/**
 * `import()` of an ES module from this CommonJS build: written so TypeScript does not turn it into
 * `require()`, which cannot load the server build's ES modules everywhere.
 */
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- the one way to keep a real import()
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(
  specifier: string,
) => Promise<T>;
