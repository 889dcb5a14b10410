import { crc32, inflateRawSync } from 'node:zlib';
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
  crc: number;
  localOffset: number;
}

export interface CentralDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every byte before it must belong to a listed entry. */
  offset: number;
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
export function listZipEntries(bytes: Uint8Array): CentralDirectory {
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
  const centralOffset = dv.getUint32(eocd + 16, true);
  let offset = centralOffset;
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
      crc: dv.getUint32(offset + 16, true),
      compressedSize: dv.getUint32(offset + 20, true),
      size: dv.getUint32(offset + 24, true),
      localOffset: dv.getUint32(offset + 42, true),
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw unreadable('zip64');
    entries.push(entry);
    offset += 46 + nameLength + dv.getUint16(offset + 30, true) + dv.getUint16(offset + 32, true);
  }
  return { entries, offset: centralOffset };
}

/**
 * The local headers must say what the directory says, and tile the archive up to the directory
 * with nothing in between: a streaming unzip reads local headers, so an entry the directory does
 * not list, or a local size that disagrees, would be inflated without ever being checked. Sizes
 * written only after the data (bit 3, data descriptors) cannot be checked before inflating.
 */
export function checkLocalHeaders(bytes: Uint8Array, directory: CentralDirectory): void {
  const dv = view(bytes);
  const byOffset = [...directory.entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of byOffset) {
    const at = entry.localOffset;
    if (at !== expected) throw unlisted(entry.name);
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL) throw unreadable('badLocalEntry');
    const flags = dv.getUint16(at + 6, true);
    if ((flags | entry.flags) & 8) throw unreadable('dataDescriptor');
    const agrees =
      dv.getUint16(at + 8, true) === entry.method &&
      dv.getUint32(at + 14, true) === entry.crc &&
      dv.getUint32(at + 18, true) === entry.compressedSize &&
      dv.getUint32(at + 22, true) === entry.size;
    if (!agrees) throw unreadable('localSizeMismatch');
    expected = localDataStart(dv, at) + entry.compressedSize;
  }
  if (expected !== directory.offset) throw unlisted(null);
}

function unlisted(next: string | null): ImportFileError {
  return new ImportFileError('zipBomb', 'The archive holds data its directory does not list', {
    entry: next ?? '(end)',
  });
}

function localDataStart(dv: DataView, at: number): number {
  return at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
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
  const start = localDataStart(dv, at);
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
  if (crc32(out) !== entry.crc) throw unreadable('badChecksum');
  return out;
}

/**
 * Every entry is checked and inflated under the limits (including ones we do not read, since
 * the XLSX library may); only the XML parts are kept, keyed by their path in the archive.
 */
export function unpackVerified(bytes: Uint8Array): Map<string, Uint8Array> {
  const directory = listZipEntries(bytes);
  checkDeclaredSizes(directory.entries);
  checkLocalHeaders(bytes, directory);
  const parts = new Map<string, Uint8Array>();
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const content = inflateEntry(bytes, entry);
    if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels')) parts.set(entry.name, content);
  }
  return parts;
}

/**
 * A new archive holding only the verified parts, stored uncompressed: what the XLSX library
 * reads is then exactly what was checked, whatever else the uploaded bytes hid.
 */
export function rebuildArchive(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(content);
    const local = new Uint8Array(30 + nameBytes.length);
    const ldv = view(local);
    ldv.setUint32(0, LOCAL, true);
    ldv.setUint16(4, 20, true);
    ldv.setUint16(6, 0x0800, true); // names in UTF-8
    ldv.setUint16(12, 0x21, true); // 1980-01-01
    ldv.setUint32(14, crc, true);
    ldv.setUint32(18, content.length, true);
    ldv.setUint32(22, content.length, true);
    ldv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cdv = view(central);
    cdv.setUint32(0, CENTRAL, true);
    cdv.setUint16(4, 20, true);
    cdv.setUint16(6, 20, true);
    cdv.setUint16(8, 0x0800, true);
    cdv.setUint16(14, 0x21, true);
    cdv.setUint32(16, crc, true);
    cdv.setUint32(20, content.length, true);
    cdv.setUint32(24, content.length, true);
    cdv.setUint16(28, nameBytes.length, true);
    cdv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, content);
    centrals.push(central);
    offset += local.length + content.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const edv = view(end);
  edv.setUint32(0, EOCD, true);
  edv.setUint16(8, parts.size, true);
  edv.setUint16(10, parts.size, true);
  edv.setUint32(12, centralSize, true);
  edv.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const chunk of [...locals, ...centrals, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
