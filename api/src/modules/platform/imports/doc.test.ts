import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../config.js';
import { importDoc } from './doc.js';

describe('docs/imports.md', () => {
  it('documents the column titles the importer really recognises', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docs/imports.md'), 'utf8');
    expect(committed, 'run `pnpm --filter @smes/api import:doc`').toBe(importDoc());
    expect(committed).toContain('`courriel`');
  });
});
