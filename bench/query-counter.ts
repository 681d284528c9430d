// Preloaded into the API process by the bookings benchmark (`node -r dist/bench/query-counter.js`), never
// by the service itself: counts, per HTTP request, the SQL statements the API sends through `pg` and
// the round trips they take, and times each one, so the benchmark can say where a request's time goes.
// The benchmark asks for the tallies over the process's IPC channel; production code paths hold none of
// this.
import { AsyncLocalStorage } from 'node:async_hooks';
import { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One HTTP request's database traffic. */
export interface RequestTally {
  method: string;
  /** The path with ids and query left out: `/booking-requests/:id/approve`. */
  route: string;
  status: number;
  ms: number;
  /** Calls to `pg`'s `Client.query`: each is one round trip (node-postgres does not pipeline). */
  roundTrips: number;
  /** Round trips that began while none of this request's others was in flight: the sequential ones. */
  sequentialRoundTrips: number;
  /** SQL statements: a simple-protocol text without parameters may hold several. */
  statements: number;
  /** Time in the database as the API saw it (call to answer), summed over round trips. */
  dbMs: number;
  /** Per statement (its prepared name, or its first words), how often and how long. */
  byStatement: Record<string, { n: number; ms: number }>;
}

export type CounterMessage =
  | { type: 'query-counter:take' }
  | { type: 'query-counter:tallies'; tallies: RequestTally[]; rssBytes: number };

interface Live {
  tally: RequestTally;
  inFlight: number;
}

const store = new AsyncLocalStorage<Live>();
let done: RequestTally[] = [];

/** `/booking-requests/0b5e…/approve?x=1` → `/booking-requests/:id/approve`. */
export function routeOf(url: string): string {
  return url
    .split('?')[0]
    .replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id');
}

/** Statements in one text: a parameterised query is one; a plain text may be several, `;`-separated. */
export function statementsIn(text: string, hasValues: boolean): number {
  if (hasValues) return 1;
  const bare = text.replace(/'(?:[^']|'')*'/g, "''").replace(/\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g, '');
  return Math.max(1, bare.split(';').filter((s) => s.trim().length > 0).length);
}

/** A short label for a statement: its prepared name, else its first words with whitespace folded. */
export function labelOf(text: string, name?: string): string {
  if (name) return name;
  return text.replace(/\s+/g, ' ').trim().slice(0, 70);
}

function install(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pg = require('pg') as typeof import('pg');
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function counted(this: unknown, ...args: unknown[]): unknown {
    const live = store.getStore();
    if (!live) return original.apply(this, args);
    const first = args[0] as string | { text?: string; name?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const name = typeof first === 'string' ? undefined : first?.name;
    const values = typeof first === 'string' ? args[1] : first?.values;
    const { tally } = live;
    tally.roundTrips++;
    if (live.inFlight === 0) tally.sequentialRoundTrips++;
    tally.statements += statementsIn(text, Array.isArray(values) && values.length > 0);
    live.inFlight++;
    const started = process.hrtime.bigint();
    const finish = () => {
      live.inFlight--;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      tally.dbMs += ms;
      const label = labelOf(text, name);
      const entry = (tally.byStatement[label] ??= { n: 0, ms: 0 });
      entry.n++;
      entry.ms += ms;
    };
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...cb: unknown[]) => {
        finish();
        return (last as (...a: unknown[]) => unknown)(...cb);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as Promise<unknown> | undefined;
    if (result && typeof result.then === 'function') result.then(finish, finish);
    else finish();
    return result;
  };

  const emit = Server.prototype.emit as (this: Server, event: string, ...args: unknown[]) => boolean;
  Server.prototype.emit = function counted(this: Server, event: string, ...args: unknown[]): boolean {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [req, res] = args as [IncomingMessage, ServerResponse];
    const started = process.hrtime.bigint();
    const live: Live = {
      inFlight: 0,
      tally: {
        method: req.method ?? '',
        route: routeOf(req.url ?? ''),
        status: 0,
        ms: 0,
        roundTrips: 0,
        sequentialRoundTrips: 0,
        statements: 0,
        dbMs: 0,
        byStatement: {},
      },
    };
    res.once('finish', () => {
      live.tally.status = res.statusCode;
      live.tally.ms = Number(process.hrtime.bigint() - started) / 1e6;
      done.push(live.tally);
      if (done.length > 100_000) done = done.slice(-50_000);
    });
    return store.run(live, () => emit.call(this, event, ...args));
  } as typeof Server.prototype.emit;

  process.on('message', (message: CounterMessage) => {
    if (message?.type !== 'query-counter:take') return;
    const tallies = done;
    done = [];
    process.send?.({ type: 'query-counter:tallies', tallies, rssBytes: process.memoryUsage().rss });
  });
  // The channel must not keep the process up once the service has shut down.
  (process.channel as { unref?: () => void } | undefined)?.unref?.();
}

if (process.send) install();
