import { TokenService } from '../src/auth/token.service';
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
    const token = bench.app.get(TokenService).sign({ sub: user.id });
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
      result('GET /auth/me (signed in)', '1 user', me),
      result('GET /health (database and Redis)', '-', health),
    ];
  } finally {
    await bench.close();
  }
}
