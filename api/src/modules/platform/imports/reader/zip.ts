import { inflateRawSync } from 'node:zlib';
import { ImportFileError } from './errors.js';

/** An XLSX of partner data unpacks to a few MiB; these leave a wide margin and no more. */
export const ZIP_LIMITS = {
  totalUncompressed: 50 * 1024 * 1024,
  ratio: 200,
  /** Below this size an entry costs nothing to inflate, whatever its ratio. */
  ratioFloor: 1024 * 1024,
  entries: 2_000,
};

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function unreadable(problem: string): ImportFileError {
  return new ImportFileError('unreadable', 'The spreadsheet archive is damaged', { problem });
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads the central directory only: names and the sizes the archive declares, without
 * inflating anything, so a bomb is refused for the price of a few hundred bytes read.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  let eocd = -1;
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('noCentralDirectory');
  const count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  // Zip64 markers: no spreadsheet under our byte limit needs them; refuse rather than guess.
  if (count === 0xffff || offset === 0xffffffff) throw unreadable('zip64');
  if (count > ZIP_LIMITS.entries) {
    throw new ImportFileError('zipBomb', 'The archive holds too many files', { entries: count });
  }
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || dv.getUint32(offset, true) !== CENTRAL)
      throw unreadable('badCentralEntry');
    const nameLength = dv.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      flags: dv.getUint16(offset + 8, true),
      method: dv.getUint16(offset + 10, true),
      compressedSize: dv.getUint32(offset + 20, true),
      size: dv.getUint32(offset + 24, true),
      localOffset: dv.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw unreadable('zip64');
    entries.push(entry);
    offset += 46 + nameLength + dv.getUint16(offset + 30, true) + dv.getUint16(offset + 32, true);
  }
  return entries;
}

/** Refuses archives whose declared content is too big or too suspiciously compressed. */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size > ZIP_LIMITS.ratioFloor && ratio > ZIP_LIMITS.ratio) {
      throw new ImportFileError('zipBomb', 'The archive is compressed suspiciously well', {
        entry: entry.name,
        ratio: Math.round(ratio),
      });
    }
  }
  if (total > ZIP_LIMITS.totalUncompressed) {
    throw new ImportFileError('zipBomb', 'The archive unpacks to too much data', {
      uncompressedBytes: total,
    });
  }
}

/**
 * Inflates one entry, never past the size its header declared: an archive that lies about
 * sizes to slip past checkDeclaredSizes is stopped by zlib after that many bytes.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw unreadable('encrypted');
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) throw unreadable('badLocalEntry');
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw unreadable('truncated');
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ImportFileError('zipBomb', 'The archive hides more data than it declares', {
          entry: entry.name,
        });
      }
      throw unreadable('badDeflate');
    }
  } else throw unreadable('unsupportedCompression');
  if (out.length !== entry.size) throw unreadable('sizeMismatch');
  return out;
}

/**
 * Every entry is checked and inflated under the limits (including ones we do not read, since
 * the XLSX library may); only the XML parts are kept, keyed by their path in the archive.
 */
export function unpackVerified(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = listZipEntries(bytes);
  checkDeclaredSizes(entries);
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const content = inflateEntry(bytes, entry);
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) parts.set(entry.name, content);
  }
  return parts;
}
