/** "1000, 1020 1130" → ['1000', '1020', '1130']: whatever separators an admin types. */
export function parsePostalCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}
