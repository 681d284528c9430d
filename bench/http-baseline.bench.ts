import { UsersService } from '../src/auth/users.service';
import { measure, Result, result, startBenchApp } from './harness';

/** The floor under every endpoint: one authenticated GET /auth/me over HTTP (guard, user lookup, JSON). */
export async function httpBaseline(): Promise<Result[]> {
  const bench = await startBenchApp('frirom_bench_baseline');
  try {
    const user = await bench.app.get(UsersService).create({
      email: 'bench@frirom.no',
      name: 'Bench',
      password: 'bench-password',
      roles: ['staff'],
    });
    // A sign-in: throttle check, argon2id verify, a session row; its token is then used below.
    const credentials = JSON.stringify({ email: user.email, password: 'bench-password' });
    let token = '';
    const signIn = await measure(100, async () => {
      const res = await fetch(`${bench.baseUrl}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: credentials,
      });
      if (res.status !== 200) throw new Error(`POST /auth/login answered ${res.status}`);
      token = ((await res.json()) as { accessToken: string }).accessToken;
    });
    const headers = { authorization: `Bearer ${token}` };
    const me = await measure(500, async () => {
      const res = await fetch(`${bench.baseUrl}/auth/me`, { headers });
      if (res.status !== 200) throw new Error(`GET /auth/me answered ${res.status}`);
      await res.arrayBuffer();
    });
    const health = await measure(500, async () => {
      const res = await fetch(`${bench.baseUrl}/health`);
      await res.arrayBuffer();
    });
    return [
      result('POST /auth/login (throttle, argon2id, session)', '1 user', signIn),
      result('GET /auth/me (signed in: token, session lookup)', '1 user', me),
      result('GET /health (database and Redis)', '-', health),
    ];
  } finally {
    await bench.close();
  }
}
