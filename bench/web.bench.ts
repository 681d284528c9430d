import { gzipSync } from 'node:zlib';
import { startApi } from './api-process';
import { freshWorld } from './bench-db';
import { measure, Result, result } from './harness';
import { AAS_WORLD, BENCH_YEAR, OSLO_WORLD, WorldSpec } from './world-generator';

/**
 * issue 13: the web app's server render, over HTTP as a browser asks (Accept: text/html), of the front
 * page and of /lokaler with a date search (free for the whole window, all rooms), and the JavaScript a
 * public page ships (every script the front page's HTML loads, gzipped).
 */
async function scale(spec: WorldSpec, dbName: string, runs: number): Promise<Result[]> {
  const { url, world } = await freshWorld(dbName, spec);
  const api = await startApi(url);
  const label = `${spec.name}, ${world.rooms.length} rooms`;
  try {
    const html = (path: string) => async () => {
      const res = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      await res.arrayBuffer();
    };
    const search = `/lokaler?dato=${BENCH_YEAR}-09-07&fra=18:00&til=20:00&plasser=20`;
    const front = await measure(runs, html('/'));
    const rooms = await measure(runs, html(search));
    const js = spec === AAS_WORLD ? await publicPageJs(api.baseUrl) : [];
    return [
      ...js,
      result('GET / (server render)', label, front, 'target p95 ≤ 50 ms'),
      result('GET /lokaler?dato=…&fra=18:00&til=20:00 (server render)', label, rooms, 'target p95 ≤ 100 ms'),
    ];
  } finally {
    await api.stop();
  }
}

/**
 * Every script the front page's HTML names (module scripts, modulepreloads, the manifest), gzipped; and
 * the data it preloads for its scripts (the page's language's message catalogue, JSON), gzipped.
 */
async function publicPageJs(baseUrl: string): Promise<Result[]> {
  const page = await (await fetch(`${baseUrl}/`, { headers: { accept: 'text/html' } })).text();
  const named = (ext: string) => [
    ...new Set([...page.matchAll(new RegExp(`["'](/assets/[^"']+\\.${ext})["']`, 'g'))].map((m) => m[1])),
  ];
  const gzipped = async (paths: string[]) => {
    let bytes = 0;
    for (const path of paths)
      bytes += gzipSync(Buffer.from(await (await fetch(`${baseUrl}${path}`)).arrayBuffer())).length;
    return bytes / 1024;
  };
  const scripts = named('js');
  const data = named('json');
  return [
    result(
      'JavaScript of the front page, gzipped (kB, not ms)',
      `${scripts.length} files`,
      [await gzipped(scripts)],
      'target ≤ 150 kB',
    ),
    result('Data the front page preloads (its catalogue), gzipped (kB)', `${data.length} files`, [
      await gzipped(data),
    ]),
  ];
}

export async function webBench(): Promise<Result[]> {
  const runs = 200;
  return [
    ...(await scale(AAS_WORLD, 'frirom_bench_web_aas', runs)),
    ...(process.env.BENCH_SKIP_OSLO ? [] : await scale(OSLO_WORLD, 'frirom_bench_web_oslo', runs)),
  ];
}
