/** Writes docs/imports.md from the import field lists. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config.js';
import { importDoc } from '../modules/platform/imports/doc.js';

writeFileSync(path.join(REPO_ROOT, 'docs/imports.md'), importDoc());
process.stdout.write('docs/imports.md written\n');
