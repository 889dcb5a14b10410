import type { PersonDuplicates } from '@smes/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { personKeys } from './keys';

interface PersonDuplicateInput {
  firstName: string;
  lastName: string;
  email: string;
}

export function getPersonDuplicates(
  { firstName, lastName, email }: PersonDuplicateInput,
  signal?: AbortSignal,
): Promise<PersonDuplicates> {
  return api.get<PersonDuplicates>('/api/people/duplicates', {
    query: { firstName, lastName, email },
    signal,
  });
}

export function personDuplicatesQueryOptions(input: PersonDuplicateInput) {
  return queryOptions({
    queryKey: personKeys.duplicates(input),
    queryFn: ({ signal }) => getPersonDuplicates(input, signal),
    select: (result) => result.items,
  });
}

/** The API needs both names; the caller debounces them. */
export function usePersonDuplicates(input: PersonDuplicateInput) {
  return useQuery({
    ...personDuplicatesQueryOptions(input),
    enabled: input.firstName.length > 0 && input.lastName.length > 0,
  });
}
