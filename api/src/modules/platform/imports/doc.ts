import { IMPORT_KINDS } from '@smes/shared';
import { importKind } from '../../import-kinds.js';
import { READ_DEFAULTS } from './reader/index.js';

const TYPES: Record<string, string> = {
  text: 'text',
  email: 'e-mail address',
  date: 'date: `dd/mm/yyyy`, `yyyy-mm-dd` or an Excel date',
  datetime:
    'date, or date and time in Brussels: `dd/mm/yyyy hh:mm`, `yyyy-mm-dd hh:mm` or an Excel date-time',
  list: 'list separated by `;` or `,`; codes or FR/NL labels',
  boolean: 'oui/non, ja/nee, yes/no',
  integer: 'whole number',
  decimal: 'number',
};

/** docs/imports.md, written from the field lists so that the documented aliases are the real ones. */
export function importDoc(): string {
  const lines = [
    '# Importing partners’ spreadsheets',
    '',
    '<!-- Generated from the import kinds (api/src/modules/import-kinds.ts) by `pnpm --filter @smes/api import:doc`; a test fails when it is stale. -->',
    '',
    `Files: CSV (UTF-8 with or without BOM, or Windows-1252 as Belgian Excel saves it; \`;\` or \`,\`) or XLSX, up to ${READ_DEFAULTS.maxBytes / 1024 / 1024} MiB and ${READ_DEFAULTS.maxRows.toLocaleString('en')} rows. Formulas, zip bombs and files whose content is not what their name says are refused before they are read.`,
    '',
    'Column titles are matched without case, accents, spaces or punctuation (`Code postal` = `code_postal` = `CODEPOSTAL`). A saved mapping (per partner) takes precedence. An import lands whole or not at all; rows are matched on the key stated below, so importing the same file twice changes nothing the second time; only filled cells change a record.',
    '',
    'Run it from the SPA (Imports page, with a preview), the API (`POST /api/imports/{kind}`), or the command line: `npm run import -- <kind> <file> [--dry-run] [--mapping <name>] [--save-mapping <name>] [--as <e-mail>] [--lang fr|nl]`.',
  ];
  for (const kind of IMPORT_KINDS) {
    lines.push(
      '',
      `## ${kind}`,
      '',
      `Matched on: ${importKind(kind).matchedOn}.`,
      '',
      '| field | template (FR / NL) | also recognised | type |',
      '|---|---|---|---|',
    );
    for (const f of importKind(kind).fields) {
      const others = f.aliases.filter((a) => a !== f.headerFr && a !== f.headerNl).map((a) => `\`${a}\``);
      lines.push(
        `| ${f.key}${f.required ? ' (required)' : ''} | ${f.headerFr} / ${f.headerNl} | ${others.join(', ')} | ${TYPES[f.type] ?? f.type} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
