import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, AppOptions } from './app.module';
import { osloInstantReplacer } from './common/http/instant-json';
import { validationPipe } from './common/http/validation';
import { AppConfig } from './config/config';
import { mountQueueBoard } from './notifications/queue-board';
import { buildOpenApiDocument } from './openapi';
import { mountWebApp } from './web/web-app';

/** The HTTP application, set up the same way for `main.ts` and for the tests. */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('json replacer', osloInstantReplacer);
  // req.ip (sign-in throttling, audit) reads X-Forwarded-For only from the proxies named here.
  app.set('trust proxy', config.trustProxy);
  app.useGlobalPipes(validationPipe);
  mountQueueBoard(app);
  const document = buildOpenApiDocument(app);
  if (options.webApp && !(await mountWebApp(app, config, document))) {
    app.get(Logger).warn('No web app build in dist/web: serving the API only (npm run build builds both)');
  }
  SwaggerModule.setup('docs', app, () => document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'frirom API',
    swaggerOptions: { persistAuthorization: true },
  });
  return app;
}
