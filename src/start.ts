// `npm start`: the API and the worker as two processes on one machine. A signal goes to both; when one
// stops on its own, the other is stopped too and the exit code is passed on.
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

const children: ChildProcess[] = [];
let stopping = false;

function stopAll(signal: NodeJS.Signals): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

function launch(file: string): ChildProcess {
  // Own process group: a Ctrl-C reaches the children once, through stopAll, not twice.
  const child = fork(join(__dirname, file), { stdio: 'inherit', detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`${file} stopped (${signal ?? code}); stopping the rest\n`);
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(code ?? 0);
  });
  return child;
}

// The API migrates and seeds under a lock; the worker waits on the same lock, so start order is free.
children.push(launch('main.js'), launch('worker.js'));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(signal));
