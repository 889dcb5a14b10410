import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** The repository root, so that `./data` and `web/dist` mean the same wherever the app starts. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const Env = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  HOST: Type.String({ default: '0.0.0.0' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ default: path.join(REPO_ROOT, 'data') }),
  WEB_DIST_DIR: Type.String({ default: path.join(REPO_ROOT, 'web', 'dist') }),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  ADMIN_EMAIL: Type.Optional(Type.String({ format: 'email' })),
  ADMIN_PASSWORD: Type.Optional(Type.String({ minLength: 12 })),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 30, maximum: 600, default: 600 }),
  REFRESH_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 14 }),
  COOKIE_SECURE: Type.Boolean({ default: true }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /** argon2id memory cost; 19 MiB is OWASP's floor. Tests lower it to stay fast. */
  ARGON2_MEMORY_KIB: Type.Integer({ minimum: 4096, default: 19_456 }),
  LOGIN_MAX_FAILURES_PER_EMAIL: Type.Integer({ minimum: 1, default: 5 }),
  LOGIN_MAX_FAILURES_PER_IP: Type.Integer({ minimum: 1, default: 30 }),
  LOGIN_WINDOW_MINUTES: Type.Integer({ minimum: 1, default: 15 }),
  /** How often the retention job removes past cycles' participants; 0 turns the schedule off. */
  RETENTION_INTERVAL_HOURS: Type.Integer({ minimum: 0, maximum: 168, default: 24 }),
});
type Env = Static<typeof Env>;

export interface Config extends Omit<Env, 'JWT_SECRET'> {
  JWT_SECRET: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const NUMERIC = new Set(
  Object.entries(Env.properties)
    .filter(([, s]) => (s as { type?: string }).type === 'integer')
    .map(([k]) => k),
);
const BOOLEAN = new Set(
  Object.entries(Env.properties)
    .filter(([, s]) => (s as { type?: string }).type === 'boolean')
    .map(([k]) => k),
);

/**
 * Reads and validates the environment once. This is the only module that reads `process.env`;
 * a bad or missing value stops the start with the whole list of what is wrong.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(Env.properties)) {
    const value = source[key];
    if (value === undefined || value === '') continue;
    if (NUMERIC.has(key)) raw[key] = /^-?\d+$/.test(value) ? Number(value) : value;
    else if (BOOLEAN.has(key)) raw[key] = value === 'true' ? true : value === 'false' ? false : value;
    else raw[key] = value;
  }
  const withDefaults = Value.Default(Env, raw) as Record<string, unknown>;
  const problems = [...Value.Errors(Env, withDefaults)].map(
    (e) => `${e.instancePath.replace(/^\//, '') || '(root)'}: ${e.message}`,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  const env = withDefaults as Env;
  return { ...env, JWT_SECRET: env.JWT_SECRET ?? persistentSecret(env.DATA_DIR) };
}

/** With no JWT_SECRET, one is made on first start and kept beside the data, so restarts keep sessions. */
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
