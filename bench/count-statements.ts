// Counts the statements (= round trips: node-postgres sends one query at a time per connection) the
// API sends per request. Loaded into the API process with
//   BENCH_NODE_ARGS="--require ./dist/bench/count-statements.js" npm run bench -- bookings
// it attributes every query a connection sends while a request is being answered to that request's
// route (the bench sends one request at a time in its part (a)), and keeps the tally in
// var/statements-<pid>.json, printed to stderr when the API stops.
import { mkdirSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';

let inFlight: string | null = null;
let count = 0;
const tally = new Map<string, { requests: number; statements: number; kinds: Record<string, number> }>();
let kinds: Record<string, number> = {};

const kindOf = (text: string): string => {
  const t = text.trim().replace(/\s+/g, ' ');
  const head = t.slice(0, 12).toUpperCase();
  if (head.startsWith('WITH'))
    return t.includes('INSERT INTO booking_requests') ? 'WITH … INSERT (write)' : 'WITH … SELECT';
  return t.split(' ')[0].toUpperCase();
};

const original = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  if (inFlight) {
    count += 1;
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const k = kindOf(text);
    kinds[k] = (kinds[k] ?? 0) + 1;
  }
  return original.apply(this, args);
} as typeof Client.prototype.query;

const file = join(process.cwd(), 'var', `statements-${process.pid}.json`);
const save = () => {
  mkdirSync(join(process.cwd(), 'var'), { recursive: true });
  writeFileSync(file, JSON.stringify(Object.fromEntries(tally), null, 2));
};

const emit = Server.prototype.emit as (this: Server, event: string, ...args: unknown[]) => boolean;
Server.prototype.emit = function (this: Server, event: string, ...args: unknown[]) {
  if (event === 'request') {
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const route = `${req.method} ${(req.url ?? '').split('?')[0].replace(/[0-9a-f-]{36}/g, ':id')}`;
    inFlight = route;
    count = 0;
    kinds = {};
    res.once('finish', () => {
      const t = tally.get(route) ?? { requests: 0, statements: 0, kinds: {} };
      t.requests += 1;
      t.statements += count;
      for (const [k, n] of Object.entries(kinds)) t.kinds[k] = (t.kinds[k] ?? 0) + n;
      tally.set(route, t);
      inFlight = null;
      if (route === 'POST /booking-requests') save();
    });
  }
  return emit.call(this, event, ...args);
} as typeof Server.prototype.emit;

process.on('exit', () => {
  save();
  for (const [route, t] of tally) {
    if (t.requests < 10) continue;
    const per = Object.entries(t.kinds)
      .map(([k, n]) => `${k} ${(n / t.requests).toFixed(1)}`)
      .join(', ');
    process.stderr.write(`  statements per ${route}: ${(t.statements / t.requests).toFixed(1)} (${per})\n`);
  }
});
