import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/config';

/**
 * The secret that signs tokens: JWT_SECRET when set (required in production); otherwise one generated
 * on first start and kept in the database, so every process of a demo install agrees and tokens survive
 * restarts.
 */
export async function resolveJwtSecret(config: AppConfig, dataSource: DataSource): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.nodeEnv === 'production') throw new Error('JWT_SECRET must be set in production');
  await dataSource.query(
    `INSERT INTO app_settings (key, value) VALUES ('jwt_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(48).toString('base64url')],
  );
  const [row] = await dataSource.query<{ value: string }[]>(
    `SELECT value FROM app_settings WHERE key = 'jwt_secret'`,
  );
  return row.value;
}
