/**
 * What a merge takes from the duplicate: each field the kept record leaves empty and the
 * duplicate fills. The kept record's own values always win.
 */
export function fillBlanks<T extends object, K extends keyof T>(
  kept: T,
  duplicate: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const fill: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    if (kept[key] === null && duplicate[key] !== null) fill[key] = duplicate[key];
  }
  return fill;
}
