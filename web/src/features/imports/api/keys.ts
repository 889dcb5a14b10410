import type { ImportKind } from '@smes/shared';

export const importKeys = {
  all: ['imports'] as const,
  fields: (kind: ImportKind) => [...importKeys.all, 'fields', kind] as const,
  mappings: (kind: ImportKind) => [...importKeys.all, 'mappings', kind] as const,
  runs: () => [...importKeys.all, 'runs'] as const,
  runPage: (page: number) => [...importKeys.runs(), page] as const,
};
