import { Agent, request as httpRequest } from 'node:http';

/**
 * The benchmarks' HTTP client: node:http on kept-alive connections. The client shares the machine's two
 * cores with the API and PostgreSQL and sits on every request's path, so it should cost as little as it
 * can: global `fetch` (undici's WHATWG layer) took 1.1–1.8 ms of the client's CPU per free-room search on
 * the Oslo bench database, this 0.7 ms (two runs of 1,500 searches each).
 */
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface Answer {
  status: number;
  text(): string;
  json<T>(): T;
}

export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            text: () => body.toString('utf8'),
            json: <T>() => JSON.parse(body.toString('utf8')) as T,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
