import type { SupervisionQuery } from '@smes/shared';

export const supervisionKeys = {
  all: ['support-supervisions'] as const,
  lists: () => [...supervisionKeys.all, 'list'] as const,
  list: (query: SupervisionQuery) => [...supervisionKeys.lists(), query] as const,
  details: () => [...supervisionKeys.all, 'detail'] as const,
  detail: (id: string) => [...supervisionKeys.details(), id] as const,
};
