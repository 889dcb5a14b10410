import type { ReferenceKind } from '@smes/shared';

/** Per kind, with and without the retired items: editing one invalidates the whole kind. */
export const referenceKeys = {
  all: ['reference'] as const,
  kind: (kind: ReferenceKind) => [...referenceKeys.all, kind] as const,
  list: (kind: ReferenceKind, includeRetired: boolean) =>
    [...referenceKeys.kind(kind), { includeRetired }] as const,
};
