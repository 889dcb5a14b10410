import type { DuesListQuery, GovernanceBody, MemberListQuery } from '@smes/shared';

/** One hierarchy per record type, so a mutation can invalidate every list at once. */
export const memberKeys = {
  all: ['members'] as const,
  lists: () => [...memberKeys.all, 'list'] as const,
  list: (filters: MemberListQuery) => [...memberKeys.lists(), filters] as const,
  everyone: (on: string) => [...memberKeys.lists(), 'everyone', on] as const,
};

export const seatKeys = {
  all: ['seats'] as const,
  lists: () => [...seatKeys.all, 'list'] as const,
  list: (body: GovernanceBody, on: string) => [...seatKeys.lists(), { body, on }] as const,
};

export const duesKeys = {
  all: ['dues'] as const,
  lists: () => [...duesKeys.all, 'list'] as const,
  list: (filters: DuesListQuery) => [...duesKeys.lists(), filters] as const,
};
