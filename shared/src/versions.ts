import { Type } from 'typebox';

/**
 * Versioned records (decision 13): every record people edit carries an integer `version`, bumped
 * by each change. Reads answer it as a strong ETag (`"v3"`); updates send it back in `If-Match`
 * (`*`: whatever the version); a stale one is refused with 412 and the record as it is now.
 */
export const Version = Type.Integer({
  minimum: 1,
  description: 'Bumped by every change; the ETag is "v<version>"',
});

export const etagOf = (version: number): string => `"v${version}"`;

/**
 * What an `If-Match` header asks for: `'*'` (any version), the versions it lists (strong ETags
 * only; a weak one never matches), or undefined when the header is absent.
 */
export function parseIfMatch(header: string | undefined): '*' | number[] | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) return '*';
  return tags.flatMap((t) => {
    const m = /^"v(\d{1,9})"$/.exec(t);
    return m ? [Number(m[1])] : [];
  });
}
