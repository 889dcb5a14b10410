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
