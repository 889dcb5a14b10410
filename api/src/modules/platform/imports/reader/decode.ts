import { Buffer } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Windows-1252 is Latin-1 except for bytes 0x80–0x9F (€, ’, œ, –…). Node 20.18.3+ decodes the
 * 'windows-1252' label as Latin-1 and drops or garbles those bytes (nodejs/node#60888), so
 * the 32 differences are mapped here, as the WHATWG Encoding Standard lists them.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (ch) =>
      String.fromCharCode(CP1252_80_9F[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0)),
    );
}

/**
 * Belgian Excel saves "CSV" as Windows-1252 and "CSV UTF-8" with a BOM. Bytes that are valid
 * UTF-8 are taken as UTF-8 (a 1252 file with accents is almost never valid UTF-8); anything
 * else is 1252, which gives every byte a character, so decoding itself cannot fail.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(BOM.length) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
