import type { RepresentationMeetingQuery } from '@smes/shared';

export const representationKeys = {
  all: ['representation-meetings'] as const,
  lists: () => [...representationKeys.all, 'list'] as const,
  list: (query: RepresentationMeetingQuery) => [...representationKeys.lists(), query] as const,
};
