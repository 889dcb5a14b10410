import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AUDIT_ACTIONS,
  ERROR_CODES,
  FIELD_ERROR_CODES,
  LOCALES,
  POLES,
  REFERENCE_KINDS,
  ROLES,
} from '@smes/shared';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Every leaf of a translation file as a dotted key: { a: { b: 'x' } } → ['a.b']. */
function flattenKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    flattenKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** namespace → flattened keys, read from the files on disk (not from the bundle's imports). */
function readLocale(locale: string): Map<string, Map<string, unknown>> {
  const dir = join(LOCALES_DIR, locale);
  const namespaces = new Map<string, Map<string, unknown>>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const json: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const values = new Map<string, unknown>();
    for (const key of flattenKeys(json)) {
      values.set(
        key,
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], json),
      );
    }
    namespaces.set(file.replace(/\.json$/, ''), values);
  }
  return namespaces;
}

/** Keys present in one side only, as `ns:key`, sorted; empty when the two match. */
function keyDifferences(a: Map<string, Map<string, unknown>>, b: Map<string, Map<string, unknown>>) {
  const all = (m: Map<string, Map<string, unknown>>) =>
    new Set([...m].flatMap(([ns, keys]) => [...keys.keys()].map((k) => `${ns}:${k}`)));
  const left = all(a);
  const right = all(b);
  return {
    onlyInFirst: [...left].filter((k) => !right.has(k)).sort(),
    onlyInSecond: [...right].filter((k) => !left.has(k)).sort(),
  };
}

const fr = readLocale('fr');
const nl = readLocale('nl');

describe('translation files', () => {
  it('has a folder per supported locale, with the same namespaces', () => {
    expect(
      readdirSync(LOCALES_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort(),
    ).toEqual([...LOCALES].sort());
    expect([...nl.keys()].sort()).toEqual([...fr.keys()].sort());
    expect(fr.size).toBeGreaterThan(0);
  });

  it('has exactly the same keys in fr and nl', () => {
    expect(keyDifferences(fr, nl)).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  it('reports a key missing on either side (the check above can fail)', () => {
    const a = new Map([
      [
        'users',
        new Map<string, unknown>([
          ['title', 'x'],
          ['table.name', 'x'],
        ]),
      ],
    ]);
    const b = new Map([
      [
        'users',
        new Map<string, unknown>([
          ['title', 'x'],
          ['table.email', 'x'],
        ]),
      ],
    ]);
    expect(keyDifferences(a, b)).toEqual({
      onlyInFirst: ['users:table.name'],
      onlyInSecond: ['users:table.email'],
    });
  });

  it('has no empty translation', () => {
    for (const [locale, namespaces] of [
      ['fr', fr],
      ['nl', nl],
    ] as const) {
      for (const [ns, keys] of namespaces) {
        for (const [key, text] of keys) {
          expect(typeof text === 'string' && text.trim() !== '', `${locale} ${ns}:${key}`).toBe(true);
        }
      }
    }
  });
});

describe('labels for the shared codes', () => {
  const required: [string, string, readonly string[]][] = [
    ['errors', 'errors', ERROR_CODES],
    ['errors', 'fieldErrors', FIELD_ERROR_CODES],
    ['common', 'roles', ROLES],
    ['common', 'poles', POLES],
    ['audit', 'actions', AUDIT_ACTIONS],
    ['reference', 'kinds', REFERENCE_KINDS],
  ];

  for (const locale of LOCALES) {
    const namespaces = readLocale(locale);
    for (const [ns, group, codes] of required) {
      it(`${locale}: every ${group} code has a label`, () => {
        const missing = codes.filter((code) => {
          const text = namespaces.get(ns)?.get(`${group}.${code}`);
          return typeof text !== 'string' || text.trim() === '';
        });
        expect(missing).toEqual([]);
      });
    }
  }
});
