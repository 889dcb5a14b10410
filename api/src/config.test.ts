import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has defaults that start the app with nothing set', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-cfg-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ PORT: 3000, ACCESS_TOKEN_TTL_SECONDS: 600, COOKIE_SECURE: true });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('lists every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        ACCESS_TOKEN_TTL_SECONDS: '3600',
        COOKIE_SECURE: 'yes',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of ['PORT', 'DATABASE_URL', 'ACCESS_TOKEN_TTL_SECONDS', 'COOKIE_SECURE', 'JWT_SECRET']) {
      expect(problems).toContain(key);
    }
  });

  it("reads Support's retention delay in whole years, two by default, 1 to 10", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-cfg-'));
    expect(loadConfig({ DATA_DIR: dataDir }).SUPPORT_RETENTION_YEARS).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir, SUPPORT_RETENTION_YEARS: '3' }).SUPPORT_RETENTION_YEARS).toBe(3);
    for (const bad of ['0', '11', 'two', '1.5']) {
      expect(() => loadConfig({ DATA_DIR: dataDir, SUPPORT_RETENTION_YEARS: bad }), bad).toThrow(
        /SUPPORT_RETENTION_YEARS/,
      );
    }
  });

  it('makes a signing secret on first start and keeps it, readable by the owner only', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-cfg-'));
    const first = loadConfig({ DATA_DIR: dataDir }).JWT_SECRET;
    const second = loadConfig({ DATA_DIR: dataDir }).JWT_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = path.join(dataDir, 'jwt-secret');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
  });
});

describe('trusting a reverse proxy', () => {
  const dataDir = () => mkdtempSync(path.join(tmpdir(), 'smes-cfg-'));
  it('takes a number of hops or the proxies addresses, never "every hop"', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(
      loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.2, 192.168.0.0/16,::1' }).TRUST_PROXY,
    ).toEqual(['10.0.0.2', '192.168.0.0/16', '::1']);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'proxy.local' })).toThrow(
      /TRUST_PROXY: not an address: proxy.local/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/40' })).toThrow(/TRUST_PROXY/);
  });
});

describe('production', () => {
  it('refuses argon2 settings below OWASP minimum', () => {
    const base = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'smes-cfg-')), ARGON2_MEMORY_KIB: '4096' };
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).ARGON2_MEMORY_KIB).toBe(4096);
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/ARGON2_MEMORY_KIB/);
  });

  it('reads who must have a second factor and how long sessions live', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'smes-cfg-'));
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.MFA_REQUIRED_FOR).toEqual(['admin', 'support', 'housing_first']);
    expect(config).toMatchObject({ SESSION_IDLE_MINUTES: 30, SESSION_MAX_HOURS: 12 });
    expect(config.MFA_SECRET_KEY.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dataDir }).MFA_SECRET_KEY).toBe(config.MFA_SECRET_KEY);
    expect(loadConfig({ DATA_DIR: dataDir, MFA_REQUIRED_FOR: 'none' }).MFA_REQUIRED_FOR).toEqual([]);
    expect(loadConfig({ DATA_DIR: dataDir, MFA_REQUIRED_FOR: 'all' }).MFA_REQUIRED_FOR).toHaveLength(5);
    let error: unknown;
    try {
      loadConfig({
        DATA_DIR: dataDir,
        MFA_REQUIRED_FOR: 'admin,everyone',
        SESSION_IDLE_MINUTES: '0',
        SESSION_MAX_HOURS: 'twelve',
        REFRESH_TOKEN_TTL_DAYS: '14',
        MFA_SECRET_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join('\n');
    for (const key of [
      'MFA_REQUIRED_FOR: not a role or pole: everyone',
      'SESSION_IDLE_MINUTES',
      'SESSION_MAX_HOURS',
      'REFRESH_TOKEN_TTL_DAYS: replaced by SESSION_MAX_HOURS',
      'MFA_SECRET_KEY',
    ]) {
      expect(problems).toContain(key);
    }
    expect(() =>
      loadConfig({ DATA_DIR: dataDir, SESSION_IDLE_MINUTES: '800', SESSION_MAX_HOURS: '12' }),
    ).toThrow(/SESSION_IDLE_MINUTES: longer than SESSION_MAX_HOURS/);
  });
});
