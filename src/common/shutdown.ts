import { INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM or SIGINT (or losing the parent that forked us): close the application (workers finish the job in hand, connections close), then
 * exit 0. A second signal while closing exits at once.
 */
export function closeOnSignals(app: INestApplicationContext): void {
  let closing = false;
  const onSignal = (): void => {
    if (closing) process.exit(1);
    closing = true;
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Started by `npm start` (start.ts): when that parent goes away, however it died, stop too.
  if (process.connected) process.on('disconnect', onSignal);
}
