import { NotFoundError, ValidationError } from '../errors.js';

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

/**
 * The two records of a merge, checked the same way for every kind: not one record with itself,
 * the kept one must exist (404), the duplicate must exist (a field error on `duplicateId`).
 */
export async function loadMergePair<T>(
  find: (id: string) => Promise<T | undefined>,
  keepId: string,
  duplicateId: string,
  what: string,
): Promise<{ kept: T; duplicate: T }> {
  if (keepId === duplicateId) throw new ValidationError([{ field: 'duplicateId', code: 'invalid' }]);
  const [kept, duplicate] = await Promise.all([find(keepId), find(duplicateId)]);
  if (!kept) throw new NotFoundError(`No such ${what}`);
  if (!duplicate) throw new ValidationError([{ field: 'duplicateId', code: 'invalid' }]);
  return { kept, duplicate };
}
