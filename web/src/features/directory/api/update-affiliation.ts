import type { Person, UpdateAffiliationBody } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';
import { personKeys } from './keys';

/** An affiliation is part of its person: the person's version goes in If-Match. */
export function updateAffiliation({
  base,
  affiliationId,
  body,
}: {
  base: Person;
  affiliationId: string;
  body: UpdateAffiliationBody;
}): Promise<Person> {
  const url = `/api/people/${encodeURIComponent(base.id)}/affiliations/${encodeURIComponent(affiliationId)}`;
  // Its fields are the affiliation's, not the person's: compared on the affiliation itself.
  const affiliation = (record: Record<string, unknown>, field: string) =>
    (record.affiliations as Record<string, unknown>[] | undefined)?.find((a) => a.id === affiliationId)?.[
      field
    ];
  return sendVersioned(
    base,
    body,
    (version) => api.patch<Person>(url, body, { ifMatch: version }),
    affiliation,
  );
}

/** Ending an affiliation is an update (an end date): it stays in the person's history. */
export function useUpdateAffiliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAffiliation,
    onSuccess: (person) => {
      queryClient.setQueryData(personKeys.detail(person.id), person);
      return queryClient.invalidateQueries({ queryKey: personKeys.lists() });
    },
  });
}
