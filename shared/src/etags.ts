/* The ETags of versioned records (decision 13), without TypeBox: versions.ts re-exports them. */

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
