import { writeFileSync } from 'node:fs';
import { currentLock, LOCK_FILE } from '../modules/reports/figures/lock.js';

/** Writes figures.lock.json after a figure's version was bumped (see lock.test.ts). */
writeFileSync(LOCK_FILE, `${JSON.stringify(currentLock(), null, 2)}\n`);
process.stdout.write(`figures: locked ${Object.keys(currentLock()).length} figures in ${LOCK_FILE}\n`);
