/**
 * Imports a partner's spreadsheet from the command line, through the same service as the API:
 *   npm run import -- <organisations|people|members> <file> [--dry-run] [--mapping <name>]
 *                   [--save-mapping <name>] [--as <e-mail>] [--lang fr|nl]
 * It acts as the user named by --as (default: the first active administrator); the run, its
 * rows' provenance and the audit entry name them, with `via: cli`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_KINDS, type ImportKind, type ImportReport } from '@smes/shared';
import { loadConfig, REPO_ROOT } from '../config.js';
import { openDatabase } from '../db/client.js';
import { AppError } from '../errors.js';
import { runImport } from '../modules/platform/imports/service.js';
import { findImporter } from '../modules/platform/users/repository.js';

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write(
    'usage: npm run import -- <organisations|people|members> <file> [--dry-run] [--mapping <name>] [--save-mapping <name>] [--as <e-mail>] [--lang fr|nl]\n',
  );
  process.exit(2);
}

/** The SPA's translations are the one source of the FR/NL texts. */
function messages(lang: 'fr' | 'nl') {
  const errors = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'web/src/locales', lang, 'errors.json'), 'utf8'),
  ) as {
    fieldErrors: Record<string, string>;
  };
  return (code: string) => errors.fieldErrors[code] ?? code;
}

const WORDS = {
  fr: {
    preview: 'Aperçu (rien écrit)',
    applied: 'Importé',
    rejected: 'Refusé, rien écrit',
    row: 'ligne',
    created: 'créés',
    updated: 'modifiés',
    unchanged: 'inchangés',
  },
  nl: {
    preview: 'Voorbeeld (niets geschreven)',
    applied: 'Geïmporteerd',
    rejected: 'Geweigerd, niets geschreven',
    row: 'rij',
    created: 'aangemaakt',
    updated: 'gewijzigd',
    unchanged: 'ongewijzigd',
  },
};

function print(report: ImportReport, lang: 'fr' | 'nl') {
  const w = WORDS[lang];
  const t = messages(lang);
  const c = report.counts;
  process.stdout.write(
    `${w[report.status]}: ${report.file.name} (${report.file.format}${report.file.encoding ? `, ${report.file.encoding}` : ''})\n`,
  );
  process.stdout.write(
    `  ${c.rows} → ${c.created} ${w.created}, ${c.updated} ${w.updated}, ${c.unchanged} ${w.unchanged}\n`,
  );
  for (const m of report.missingColumns) process.stdout.write(`  - ${m}: ${t('required')}\n`);
  for (const e of report.errors) {
    process.stdout.write(
      `  - ${w.row} ${e.row}, ${e.column ?? e.field}: ${t(e.code).replace(/\{\{\w+\}\}/g, '')}${e.value ? ` («${e.value}»)` : ''}\n`,
    );
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      as: { type: 'string' },
      lang: { type: 'string', default: 'fr' },
    },
  });
  const [kind, file] = positionals;
  if (!kind || !IMPORT_KINDS.includes(kind as ImportKind)) usage(`unknown kind: ${kind ?? '(none)'}`);
  if (!file) usage('no file given');
  const lang = values.lang === 'nl' ? 'nl' : 'fr';

  const config = loadConfig();
  const database = config.DATABASE_URL
    ? openDatabase({ kind: 'postgres', url: config.DATABASE_URL })
    : openDatabase({ kind: 'pglite', dataDir: path.join(config.DATA_DIR, 'pglite') });
  try {
    await database.migrate();
    const actor = await findImporter(database.db, values.as);
    if (!actor)
      usage(
        values.as ? `no active user ${values.as}` : 'no active administrator to act as; give --as <e-mail>',
      );
    const report = await runImport({
      ctx: { db: database.db, actor: { ...actor, sessionId: 'cli' }, ip: 'cli' },
      input: {
        kind: kind as ImportKind,
        file: { name: path.basename(file), bytes: new Uint8Array(readFileSync(file)) },
        dryRun: values['dry-run'],
        mapping: values.mapping,
        saveMapping: values['save-mapping'],
        via: 'cli',
      },
    });
    print(report, lang);
    process.exitCode = report.status === 'rejected' ? 1 : 0;
  } catch (error) {
    const t = messages(lang);
    if (error instanceof AppError) {
      const field = error.fieldErrors?.[0];
      process.stderr.write(
        `${field ? t(field.code) : error.code}${field?.params ? ` ${JSON.stringify(field.params)}` : ''}\n`,
      );
      process.exitCode = 1;
    } else throw error;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Import failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
