import type { ReferenceItem, ReferenceRef } from '@smes/shared';
import type { ReferenceRow } from './repository.js';

export function toReferenceItem(row: ReferenceRow): ReferenceItem {
  return {
    id: row.id,
    version: row.version,
    kind: row.kind,
    code: row.code,
    labelFr: row.labelFr,
    labelNl: row.labelNl,
    postalCodes: row.postalCodes,
    sortOrder: row.sortOrder,
    retired: row.retiredAt !== null,
  };
}

export function toReferenceRef(
  row: Pick<ReferenceRow, 'id' | 'code' | 'labelFr' | 'labelNl' | 'retiredAt'>,
): ReferenceRef {
  return {
    id: row.id,
    code: row.code,
    labelFr: row.labelFr,
    labelNl: row.labelNl,
    retired: row.retiredAt !== null,
  };
}
