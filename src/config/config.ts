import { isIP } from 'node:net';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { OidcProviderConfig, parseOidcProviders, parsePasswordLogin, PasswordLogin } from './oidc-config';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** The environment as the process receives it; every variable is checked before anything starts. */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'DATABASE_URL must be a postgres:// URL naming a database',
  })
  DATABASE_URL: string = 'postgres://root@127.0.0.1:5432/frirom';

  @Matches(/^rediss?:\/\/[^/]+(\/\d+)?$/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL: string = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]{1,40}$/, {
    message: 'REDIS_PREFIX must be 1-40 letters, digits, ":", "_" or "-"',
  })
  REDIS_PREFIX: string = 'frirom';

  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0, { message: 'PORT must be an integer between 0 and 65535' })
  @Max(65535, { message: 'PORT must be an integer between 0 and 65535' })
  PORT: number = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(1, { message: 'MAIL_DIR must be a directory path' })
  MAIL_DIR: string = 'var/mail';

  @IsString()
  @MinLength(3, { message: 'MAIL_FROM must be an address such as "frirom <noreply@example.no>"' })
  MAIL_FROM: string = 'frirom <noreply@frirom.local>';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  @MaxLength(200, { message: 'ADMIN_PASSWORD must be at most 200 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]$/, { message: 'JWT_TTL must be a duration such as 12h, 30m or 7d' })
  JWT_TTL: string = '12h';

  @Matches(/^https?:\/\/[^/?#\s]+\/?$/, {
    message: 'PUBLIC_URL must be the public origin, such as https://frirom.as.kommune.no',
  })
  PUBLIC_URL: string = 'http://localhost:3000';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  @Matches(/^\d{4}$/, { message: 'HOME_MUNICIPALITY_NUMBER must be 4 digits' })
  HOME_MUNICIPALITY_NUMBER: string = '3218';

  @IsString()
  @MinLength(2, { message: 'MUNICIPALITY_NAME must name the municipality, e.g. Ås kommune' })
  @MaxLength(100, { message: 'MUNICIPALITY_NAME must name the municipality, e.g. Ås kommune' })
  MUNICIPALITY_NAME: string = 'Ås kommune';

  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO: boolean = true;

  @Transform(toBool)
  @IsBoolean({ message: 'RUN_MIGRATIONS must be true or false' })
  RUN_MIGRATIONS: boolean = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: string = 'info';

  @Transform(toInt)
  @IsInt({ message: 'JOB_LOCK_MS must be an integer from 1000 to 600000' })
  @Min(1000, { message: 'JOB_LOCK_MS must be an integer from 1000 to 600000' })
  @Max(600_000, { message: 'JOB_LOCK_MS must be an integer from 1000 to 600000' })
  JOB_LOCK_MS: number = 30_000;

  @Transform(toInt)
  @IsInt({ message: 'MAIL_BACKOFF_MS must be an integer from 10 to 3600000' })
  @Min(10, { message: 'MAIL_BACKOFF_MS must be an integer from 10 to 3600000' })
  @Max(3_600_000, { message: 'MAIL_BACKOFF_MS must be an integer from 10 to 3600000' })
  MAIL_BACKOFF_MS: number = 2_000;

  @Transform(toInt)
  @IsInt({ message: 'LATE_CANCELLATION_DAYS must be an integer from 0 to 60' })
  @Min(0, { message: 'LATE_CANCELLATION_DAYS must be an integer from 0 to 60' })
  @Max(60, { message: 'LATE_CANCELLATION_DAYS must be an integer from 0 to 60' })
  LATE_CANCELLATION_DAYS: number = 7;

  @Matches(/^https?:\/\/[^\s]+[^/\s]$/, {
    message: 'BRREG_URL must be an http(s) URL without a trailing slash',
  })
  BRREG_URL: string = 'https://data.brreg.no/enhetsregisteret/api';

  @Transform(toInt)
  @IsInt({ message: 'BOOKING_HORIZON_MONTHS must be an integer from 1 to 120' })
  @Min(1, { message: 'BOOKING_HORIZON_MONTHS must be an integer from 1 to 120' })
  @Max(120, { message: 'BOOKING_HORIZON_MONTHS must be an integer from 1 to 120' })
  BOOKING_HORIZON_MONTHS: number = 24;

  @Transform(toInt)
  @IsInt({ message: 'BRREG_TIMEOUT_MS must be an integer from 50 to 60000' })
  @Min(50, { message: 'BRREG_TIMEOUT_MS must be an integer from 50 to 60000' })
  @Max(60_000, { message: 'BRREG_TIMEOUT_MS must be an integer from 50 to 60000' })
  BRREG_TIMEOUT_MS: number = 3_000;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  port: number;
  smtpUrl?: string;
  mailDir: string;
  mailFrom: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Unset outside production: a random secret is then generated once and kept in the database. */
  jwtSecret?: string;
  jwtTtl: string;
  /** JWT_TTL in seconds: a token older than this is refused even with a valid signature. */
  jwtTtlSeconds: number;
  /** The service's public origin (no trailing slash): links in mail, the browser session's origin check. */
  publicUrl: string;
  /** Express 'trust proxy': false, a hop count, or addresses/subnets of the proxies in front. */
  trustProxy: TrustProxy;
  homeMunicipalityNumber: string;
  /** Signs the mails. */
  municipalityName: string;
  seedDemo: boolean;
  runMigrations: boolean;
  logLevel: string;
  lateCancellationDays: number;
  /** How far ahead an occurrence may be booked or moved, in months from now. */
  bookingHorizonMonths: number;
  /** How long a worker holds a job before others may take it over (a killed worker's jobs return after this). */
  jobLockMs: number;
  /** First retry delay of a mail that could not be sent; it doubles on each attempt. */
  mailBackoffMs: number;
  /** Enhetsregisteret's open API, read as GET {brregUrl}/enheter/{orgNumber}. */
  brregUrl: string;
  /** How long one call to the register may take before it counts as a failure. */
  brregTimeoutMs: number;
  /** OpenID providers people may sign in with (OIDC_PROVIDERS, OIDC_<NAME>_*), in the listed order. */
  oidcProviders: OidcProviderConfig[];
  /** Who may sign in with a password (PASSWORD_LOGIN); registration by password needs `on`. */
  passwordLogin: PasswordLogin;
}

export type TrustProxy = false | number | string[];

const DURATION_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** '12h' → 43200 (JWT_TTL is checked to be digits and one of s, m, h, d). */
export function durationSeconds(text: string): number {
  const unit = text.slice(-1) as keyof typeof DURATION_SECONDS;
  return Number(text.slice(0, -1)) * DURATION_SECONDS[unit];
}

/** Express' named subnets, besides addresses and CIDR ranges. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: unset or false, a hop count, or a comma-separated list of addresses, subnets or names. */
function parseTrustProxy(value: string | undefined, problems: string[]): TrustProxy {
  if (value === undefined || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((v) => v.trim());
  const bad = entries.filter((e) => {
    if (PROXY_NAMES.has(e)) return false;
    const [address, bits, extra] = e.split('/');
    const family = isIP(address);
    if (!family || extra !== undefined) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  });
  if (bad.length > 0) {
    problems.push(
      'TRUST_PROXY must be false, a hop count, or comma-separated addresses/subnets of the proxies ' +
        '(e.g. 10.0.0.0/8, loopback); "true" is refused because anyone could then choose their address',
    );
  }
  return entries;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads and checks the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env });
  const problems = validateSync(vars).flatMap((e) => Object.values(e.constraints ?? {}));
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET must be set in production (at least 32 characters)');
  }
  if (Boolean(vars.ADMIN_EMAIL) !== Boolean(vars.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY, problems);
  const oidcProviders = parseOidcProviders(env, problems);
  const passwordLogin = parsePasswordLogin(env.PASSWORD_LOGIN, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    nodeEnv: vars.NODE_ENV as AppConfig['nodeEnv'],
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX,
    port: vars.PORT,
    smtpUrl: vars.SMTP_URL,
    mailDir: vars.MAIL_DIR,
    mailFrom: vars.MAIL_FROM,
    adminEmail: vars.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: vars.ADMIN_PASSWORD,
    jwtSecret: vars.JWT_SECRET,
    jwtTtl: vars.JWT_TTL,
    jwtTtlSeconds: durationSeconds(vars.JWT_TTL),
    publicUrl: vars.PUBLIC_URL.replace(/\/$/, ''),
    trustProxy,
    homeMunicipalityNumber: vars.HOME_MUNICIPALITY_NUMBER,
    municipalityName: vars.MUNICIPALITY_NAME,
    seedDemo: vars.SEED_DEMO,
    runMigrations: vars.RUN_MIGRATIONS,
    logLevel: vars.LOG_LEVEL,
    lateCancellationDays: vars.LATE_CANCELLATION_DAYS,
    bookingHorizonMonths: vars.BOOKING_HORIZON_MONTHS,
    jobLockMs: vars.JOB_LOCK_MS,
    mailBackoffMs: vars.MAIL_BACKOFF_MS,
    brregUrl: vars.BRREG_URL,
    brregTimeoutMs: vars.BRREG_TIMEOUT_MS,
    oidcProviders,
    passwordLogin,
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');
