import { Buffer } from 'node:buffer';
import { once } from 'node:events';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { readTable } from './read-table.js';
import { buildXlsx, lieInLocalHeader, setEntryFlags, smuggleEntry } from './test-fixtures.js';
import { readXlsx, type SheetParser } from './xlsx.js';
import { listZipEntries } from './zip.js';

const MIB = 1024 * 1024;
const MEMBERS = { name: 'Membres', rows: [['Nom'], ['Amélie Exemple']] };

/** `size` bytes of zeros deflated as a stream, so the test itself never holds them. */
async function deflatedZeros(size: number): Promise<{ deflated: Uint8Array; crc: number }> {
  const chunk = new Uint8Array(MIB);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  for (let written = 0; written < size; written += MIB) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { deflated: Buffer.concat(out), crc };
}

/** A parser that records the entries of each archive it is handed, then reads it for real. */
function recordingParser(): { parse: SheetParser; seen: string[][] } {
  const seen: string[][] = [];
  return {
    seen,
    parse: async (archive, sheet) => {
      seen.push(listZipEntries(archive).entries.map((e) => e.name));
      return readSheet(archive, sheet);
    },
  };
}

describe('what reaches the XLSX parser', () => {
  it('refuses a workbook hiding an unlisted 300 MiB sheet, without the memory growing', async () => {
    const size = 300 * MIB;
    const zeros = await deflatedZeros(size);
    const bomb = smuggleEntry(buildXlsx(MEMBERS), { name: 'xl/worksheets/sheet2.xml', size, ...zeros });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const { parse, seen } = recordingParser();

    const before = process.memoryUsage();
    const outcome = await readXlsx(bomb, 1000, undefined, parse).catch((e: unknown) => e);
    const after = process.memoryUsage();

    expect(outcome).toMatchObject({ reason: 'zipBomb' });
    expect(seen).toEqual([]);
    expect(after.rss - before.rss).toBeLessThan(64 * MIB);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * MIB);
    // Through the public entry point too, as the import routes call it.
    await expect(readTable({ name: 'membres.xlsx', bytes: bomb })).rejects.toMatchObject({
      reason: 'zipBomb',
    });
  });

  it('hands the parser an archive rebuilt from the verified parts only', async () => {
    const { parse, seen } = recordingParser();
    const table = await readXlsx(buildXlsx(MEMBERS), 1000, undefined, parse);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['Amélie Exemple'] }]);
    expect(seen).toHaveLength(1);
    const listed = listZipEntries(buildXlsx(MEMBERS)).entries.map((e) => e.name);
    expect(seen[0]!.toSorted()).toEqual(listed.filter((n) => /\.(xml|rels)$/.test(n)).toSorted());
  });

  it('refuses a local header whose size disagrees with the directory', async () => {
    const liar = lieInLocalHeader(buildXlsx(MEMBERS), 'xl/worksheets/sheet1.xml', 300 * MIB);
    await expect(readTable({ name: 'a.xlsx', bytes: liar })).rejects.toMatchObject({
      reason: 'unreadable',
      details: { problem: 'localSizeMismatch' },
    });
  });

  it('refuses sizes given only after the data (data descriptors)', async () => {
    for (const where of ['local', 'both'] as const) {
      const late = setEntryFlags(buildXlsx(MEMBERS), 'xl/worksheets/sheet1.xml', 8, where);
      await expect(readTable({ name: 'a.xlsx', bytes: late })).rejects.toMatchObject({
        reason: 'unreadable',
        details: { problem: 'dataDescriptor' },
      });
    }
  });
});
