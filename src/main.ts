import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { closeOnSignals } from './common/shutdown';
import { ConfigError, loadConfig } from './config/config';
import { createApp } from './create-app';
import { SeedService } from './seed/seed.service';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config, { webApp: true });
  await app.get(SeedService).run();
  closeOnSignals(app);
  await app.listen(config.port);
  app.get(Logger).log(`frirom on http://localhost:${config.port} (API docs at /docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `${error.message}\n`
      : `frirom API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
