/**
 * Test-only builders (fflate is a dev dependency): real XLSX archives written from hand-made
 * XML, the way Excel lays them out, and text in the encodings partners' Excel saves.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export type FixtureCell =
  | string
  | number
  | boolean
  | null
  | { date: number } // an Excel serial shown with a date format, as Excel stores dates
  | { formula: string; cached: string };

export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
  /** Row number of rows[0]; Excel files often start lower than row 1. */
  firstRow?: number;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + letter(i % 26);
}

function sheetXml(sheet: FixtureSheet, strings: string[]): string {
  const rows = sheet.rows.map((cells, r) => {
    const n = (sheet.firstRow ?? 1) + r;
    const xml = cells.map((cell, c) => {
      const ref = `${letter(c)}${n}`;
      if (cell === null) return '';
      if (typeof cell === 'string') {
        strings.push(cell);
        return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
      }
      if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
      if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
      if ('date' in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
      return `<c r="${ref}" t="str"><f>${esc(cell.formula)}</f><v>${esc(cell.cached)}</v></c>`;
    });
    return `<row r="${n}">${xml.join('')}</row>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** The parts of an XLSX archive, to zip as is or to tamper with first. */
export function xlsxParts(sheets: FixtureSheet[]): Record<string, string> {
  const strings: string[] = [];
  const parts: Record<string, string> = {};
  sheets.forEach((sheet, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(sheet, strings);
  });
  const sheetTags = sheets.map(
    (s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  const sheetRels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const overrides = sheets.map(
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return {
    ...parts,
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${REL_NS}><sheets>${sheetTags.join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_RELS}">${sheetRels.join('')}<Relationship Id="rIdS" Type="${DOC_RELS}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    // Style 1 uses built-in number format 14, Excel's short date: that is what makes a date.
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`,
  };
}

/** Level 0 stores entries as they are: quick to build, and sizes stay honest. */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 9 = 9): Uint8Array {
  const files: Zippable = {};
  for (const [path, content] of Object.entries(parts)) {
    files[path] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files, { level });
}

export function buildXlsx(...sheets: FixtureSheet[]): Uint8Array {
  return zipParts(xlsxParts(sheets));
}

/**
 * Encodes text as Belgian Excel's "CSV" does. Written out by hand rather than derived from a
 * decoder, so that a decoder bug (Node 20's, for one) cannot hide in both directions at once.
 */
const CP1252_EXTRAS: Record<string, number> = {
  '€': 0x80,
  '’': 0x92,
  '‘': 0x91,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  œ: 0x9c,
  Œ: 0x8c,
};

export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    const byte = CP1252_EXTRAS[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (byte === undefined) throw new Error(`${ch} has no windows-1252 byte in this fixture`);
    return byte;
  });
}

/** Rewrites the uncompressed size an archive declares for one entry, as a crafted bomb does. */
export function lieAboutSize(zip: Uint8Array, entryName: string, declared: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(entryName);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = dv.getUint32(i, true);
    const at = signature === 0x02014b50 ? 46 : signature === 0x04034b50 ? 30 : -1;
    if (at < 0 || dv.getUint16(i + (at === 46 ? 28 : 26), true) !== name.length) continue;
    if (name.every((b, k) => out[i + at + k] === b)) dv.setUint32(i + (at === 46 ? 24 : 22), declared, true);
  }
  return out;
}

/**
 * Slips an entry in just before the central directory without listing it there, as a crafted
 * bomb does: a reader that trusts the directory never sees it, a streaming unzip inflates it.
 */
export function smuggleEntry(
  zip: Uint8Array,
  entry: { name: string; deflated: Uint8Array; size: number; crc: number },
): Uint8Array {
  const eocd = zip.length - 22; // fflate writes no archive comment
  const centralOffset = new DataView(zip.buffer, zip.byteOffset).getUint32(eocd + 16, true);
  const name = strToU8(entry.name);
  const local = new Uint8Array(30 + name.length);
  const dv = new DataView(local.buffer);
  dv.setUint32(0, 0x04034b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(8, 8, true); // deflated
  dv.setUint32(14, entry.crc, true);
  dv.setUint32(18, entry.deflated.length, true);
  dv.setUint32(22, entry.size, true);
  dv.setUint16(26, name.length, true);
  local.set(name, 30);
  const grown = local.length + entry.deflated.length;
  const out = new Uint8Array(zip.length + grown);
  out.set(zip.subarray(0, centralOffset), 0);
  out.set(local, centralOffset);
  out.set(entry.deflated, centralOffset + local.length);
  out.set(zip.subarray(centralOffset), centralOffset + grown);
  new DataView(out.buffer).setUint32(out.length - 22 + 16, centralOffset + grown, true);
  return out;
}

/** Sets bits of one entry's general-purpose flags, in its local header only or in both. */
export function setEntryFlags(
  zip: Uint8Array,
  entryName: string,
  bits: number,
  where: 'local' | 'both',
): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(entryName);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = dv.getUint32(i, true);
    const at = signature === 0x02014b50 ? 46 : signature === 0x04034b50 ? 30 : -1;
    if (at < 0 || (where === 'local' && at === 46)) continue;
    if (dv.getUint16(i + (at === 46 ? 28 : 26), true) !== name.length) continue;
    const flagsAt = i + (at === 46 ? 8 : 6);
    if (name.every((b, k) => out[i + at + k] === b))
      dv.setUint16(flagsAt, dv.getUint16(flagsAt, true) | bits, true);
  }
  return out;
}

/** Rewrites the uncompressed size in one entry's local header only, leaving the directory as it was. */
export function lieInLocalHeader(zip: Uint8Array, entryName: string, declared: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const name = strToU8(entryName);
  for (let i = 0; i + 30 < out.length; i++) {
    if (dv.getUint32(i, true) !== 0x04034b50 || dv.getUint16(i + 26, true) !== name.length) continue;
    if (name.every((b, k) => out[i + 30 + k] === b)) dv.setUint32(i + 22, declared, true);
  }
  return out;
}
