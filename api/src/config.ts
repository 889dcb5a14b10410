import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { POLES, ROLES, type Pole, type Role } from '@smes/shared';

/** The repository root, so that `./data` and `web/dist` mean the same wherever the app starts. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** OWASP's minimum for argon2id with t=2, p=1: 19 MiB. */
export const ARGON2_OWASP_MIN_KIB = 19_456;

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
  /** A session ends after this long without a request from its user (silent refreshes do not count). */
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
  /** A session ends this long after its sign-in, however busy. */
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  /**
   * Who must enrol a second factor: roles and poles, comma-separated (`admin,support,housing_first`),
   * `all` or `none`. The others may enrol if they wish.
   */
  MFA_REQUIRED_FOR: Type.String({ default: 'admin,support,housing_first' }),
  /** Key that encrypts second-factor secrets at rest (32+ characters); generated beside the data if unset. */
  MFA_SECRET_KEY: Type.Optional(Type.String({ minLength: 32 })),
  COOKIE_SECURE: Type.Boolean({ default: true }),
  /** `false`, the number of proxies in front, or their addresses (comma-separated, CIDR allowed). */
  TRUST_PROXY: Type.String({ default: 'false' }),
  /** Requests per client address and minute, on every route; tests raise it. */
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /** argon2id memory cost; 19 MiB is OWASP's floor, required in production. Tests lower it. */
  ARGON2_MEMORY_KIB: Type.Integer({ minimum: 4096, default: ARGON2_OWASP_MIN_KIB }),
  /** Failures per e-mail and address together before each attempt must wait (doubling). */
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, default: 5 }),
  /** Failures per address, whatever the e-mail, before the same back-off applies to it. */
  LOGIN_MAX_FAILURES_PER_IP: Type.Integer({ minimum: 1, default: 30 }),
  LOGIN_BACKOFF_SECONDS: Type.Integer({ minimum: 1, default: 30 }),
  LOGIN_BACKOFF_MAX_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 15 }),
  /** Quiet time after the last failure (or block) after which the count starts again. */
  LOGIN_WINDOW_MINUTES: Type.Integer({ minimum: 1, default: 15 }),
  /** How often the retention job removes past cycles' participants; 0 turns the schedule off. */
  RETENTION_INTERVAL_HOURS: Type.Integer({ minimum: 0, maximum: 168, default: 24 }),
  /** Years after closing before a Support request loses its free text and contact details. */
  SUPPORT_RETENTION_YEARS: Type.Integer({ minimum: 1, maximum: 10, default: 2 }),
});
type Env = Static<typeof Env>;

export interface Config extends Omit<
  Env,
  'JWT_SECRET' | 'TRUST_PROXY' | 'MFA_REQUIRED_FOR' | 'MFA_SECRET_KEY'
> {
  JWT_SECRET: string;
  MFA_SECRET_KEY: string;
  /** Roles and poles whose accounts must have a second factor. */
  MFA_REQUIRED_FOR: readonly (Role | Pole)[];
  /** Fastify's `trustProxy`: never `true`, which would let any client choose its own address. */
  TRUST_PROXY: false | number | string[];
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
  const env = withDefaults as Env;
  const trustProxy = problems.length === 0 ? parseTrustProxy(env.TRUST_PROXY) : false;
  if (typeof trustProxy === 'string') problems.push(`TRUST_PROXY: ${trustProxy}`);
  if (env.NODE_ENV === 'production' && env.ARGON2_MEMORY_KIB < ARGON2_OWASP_MIN_KIB) {
    problems.push(`ARGON2_MEMORY_KIB: must be at least ${ARGON2_OWASP_MIN_KIB} in production (OWASP)`);
  }
  const mfaRequiredFor = parseMfaRequiredFor(env.MFA_REQUIRED_FOR ?? '');
  if (typeof mfaRequiredFor === 'string') problems.push(`MFA_REQUIRED_FOR: ${mfaRequiredFor}`);
  if (problems.length === 0 && env.SESSION_IDLE_MINUTES > env.SESSION_MAX_HOURS * 60) {
    problems.push('SESSION_IDLE_MINUTES: longer than SESSION_MAX_HOURS');
  }
  if (source.REFRESH_TOKEN_TTL_DAYS !== undefined && source.REFRESH_TOKEN_TTL_DAYS !== '') {
    problems.push('REFRESH_TOKEN_TTL_DAYS: replaced by SESSION_MAX_HOURS (and SESSION_IDLE_MINUTES)');
  }
  if (problems.length > 0 || typeof trustProxy === 'string' || typeof mfaRequiredFor === 'string') {
    throw new ConfigError(problems);
  }
  return {
    ...env,
    TRUST_PROXY: trustProxy,
    MFA_REQUIRED_FOR: mfaRequiredFor,
    JWT_SECRET: env.JWT_SECRET ?? persistentSecret(env.DATA_DIR, 'jwt-secret'),
    MFA_SECRET_KEY: env.MFA_SECRET_KEY ?? persistentSecret(env.DATA_DIR, 'mfa-secret-key'),
  };
}

/** `none`, `all`, or roles and poles; anything else comes back as the problem's text. */
function parseMfaRequiredFor(value: string): (Role | Pole)[] | string {
  const words = value
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 1 && words[0] === 'none') return [];
  if (words.length === 1 && words[0] === 'all') return [...ROLES];
  const known: readonly string[] = [...ROLES, ...POLES];
  const bad = words.filter((w) => !known.includes(w));
  if (bad.length > 0 || words.length === 0) {
    return `not a role or pole: ${bad.join(', ') || '(empty)'}; use none, all, or some of ${known.join(', ')}`;
  }
  return words as (Role | Pole)[];
}

const CIDR = /^(.+)\/(\d{1,3})$/;

/** `false`, a hop count or a list of addresses; anything else comes back as the problem's text. */
function parseTrustProxy(value: string): false | number | string[] | string {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value) >= 1 ? Number(value) : false;
  if (value === 'true')
    return 'true would trust every hop; give the number of proxies (1) or their addresses';
  const list = value.split(',').map((a) => a.trim());
  const bad = list.filter((a) => {
    const m = CIDR.exec(a);
    const ip = m ? m[1]! : a;
    const version = isIP(ip);
    return version === 0 || (m !== null && Number(m[2]) > (version === 4 ? 32 : 128));
  });
  return bad.length > 0 ? `not an address: ${bad.join(', ')}` : list;
}

/**
 * With no JWT_SECRET (or MFA_SECRET_KEY), one is made on first start and kept beside the data, so
 * restarts keep sessions (and second factors).
 */
function persistentSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
