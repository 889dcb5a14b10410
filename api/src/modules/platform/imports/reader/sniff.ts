import { ImportFileError } from './errors.js';

export type FileKind = 'csv' | 'xlsx';

/** Signatures of files partners upload by mistake (or on purpose), to name them in the refusal. */
const KNOWN_BINARIES: { name: string; magic: number[] }[] = [
  { name: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { name: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'jpeg', magic: [0xff, 0xd8, 0xff] },
  { name: 'gif', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'exe', magic: [0x4d, 0x5a] },
  { name: 'elf', magic: [0x7f, 0x45, 0x4c, 0x46] },
  // Legacy .xls and password-protected .xlsx are both OLE compound files.
  { name: 'xls', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'gzip', magic: [0x1f, 0x8b] },
  { name: '7z', magic: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'rar', magic: [0x52, 0x61, 0x72, 0x21] },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Binary (UTF-16 text included, which is about half NUL bytes) when it starts with a UTF-16
 * byte order mark or more than one byte in ten is NUL. A stray NUL in a text file is a
 * cell the import refuses where it is, with its row and column, not a file of the wrong type.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  let nuls = 0;
  for (const b of bytes) if (b === 0) nuls++;
  return nuls * 10 > bytes.length;
}

/**
 * Decides what the bytes are, never trusting the name alone: the extension must be one we read
 * and must agree with the content, so a PDF renamed `.csv` or a CSV renamed `.xlsx` is refused.
 */
export function sniffKind(name: string, bytes: Uint8Array): FileKind {
  const ext = extensionOf(name);
  if (ext !== 'csv' && ext !== 'xlsx') {
    throw new ImportFileError('wrongType', 'Only .csv and .xlsx files can be imported', { extension: ext });
  }
  const binary = KNOWN_BINARIES.find((b) => startsWith(bytes, b.magic));
  if (binary) {
    throw new ImportFileError('wrongType', `This file is a ${binary.name}, not a spreadsheet`, {
      extension: ext,
      found: binary.name,
    });
  }
  const found: FileKind | 'binary' = startsWith(bytes, ZIP) ? 'xlsx' : looksBinary(bytes) ? 'binary' : 'csv';
  if (found !== ext) {
    throw new ImportFileError('wrongType', `The file is named .${ext} but its content is not`, {
      extension: ext,
      found,
    });
  }
  return found;
}
