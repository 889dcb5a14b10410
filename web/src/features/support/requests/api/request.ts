import type {
  CreateSupportInterventionBody,
  SupportCloseBody,
  SupportDiscussionBody,
  SupportFirstAnswerBody,
  SupportRequest,
  SupportRequestList,
  SupportStaffList,
  UpdateSupportInterventionBody,
  UpdateSupportRequestBody,
} from '@smes/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, isApiError } from '@/lib/api-client';
import { sendVersioned } from '@/lib/versioned';

/**
 * One request's page (decision 27): the request, its follow-up steps, its correction. Every read
 * and write carries the page's purpose (follow-up, `lib/purpose.ts`): the API logs each one with
 * the person concerned it names. Everything Support shows sits under `['support']`, so a step
 * taken here refreshes the due board and the lists too.
 */
export const supportRequestKeys = {
  all: ['support'] as const,
  request: (id: string) => [...supportRequestKeys.all, 'request', id] as const,
  personRequests: (personId: string) => [...supportRequestKeys.all, 'person-requests', personId] as const,
  staff: () => [...supportRequestKeys.all, 'staff'] as const,
};

const requestPath = (id: string) => `/api/support/requests/${encodeURIComponent(id)}`;

export function getSupportRequest(id: string, signal?: AbortSignal): Promise<SupportRequest> {
  return api.get<SupportRequest>(requestPath(id), { signal });
}

export function supportRequestQueryOptions(id: string) {
  return queryOptions({
    queryKey: supportRequestKeys.request(id),
    queryFn: ({ signal }) => getSupportRequest(id, signal),
  });
}

export function useSupportRequest(id: string) {
  return useQuery(supportRequestQueryOptions(id));
}

/** The other requests about the same person concerned (by their code), newest first. */
export function usePersonRequests(personId: string | undefined) {
  return useQuery({
    queryKey: supportRequestKeys.personRequests(personId ?? ''),
    queryFn: ({ signal }) =>
      api.get<SupportRequestList>('/api/support/requests', {
        query: { personId, pageSize: 50 },
        signal,
      }),
    enabled: Boolean(personId),
  });
}

/** The Support team (who answered, who went out in a pair): only for those who record steps. */
export function useSupportStaff(enabled: boolean) {
  return useQuery({
    queryKey: supportRequestKeys.staff(),
    queryFn: ({ signal }) => api.get<SupportStaffList>('/api/support/staff', { signal }),
    select: (list) => list.items,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** A step answers the whole request: the page shows it at once, lists and the board refetch. */
function useRequestMutation<V>(send: (variables: V) => Promise<SupportRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      queryClient.setQueryData(supportRequestKeys.request(saved.id), saved);
      void queryClient.invalidateQueries({
        queryKey: supportRequestKeys.all,
        predicate: (query) => query.queryKey[1] !== 'request' || query.queryKey[2] !== saved.id,
      });
    },
  });
}

export type SupportStep =
  | { step: 'discussion'; body: SupportDiscussionBody }
  | { step: 'first-answer'; body: SupportFirstAnswerBody }
  | { step: 'close'; body: SupportCloseBody }
  | { step: 'reopen'; body: Record<string, never> };

/** Team discussion, first answer, close, reopen: `POST /api/support/requests/:id/<step>`. */
export function useRequestStep(id: string) {
  return useRequestMutation(({ step, body }: SupportStep) =>
    api.post<SupportRequest>(`${requestPath(id)}/${step}`, body),
  );
}

/** An intervention by a pair; its client id makes a resend after a lost answer harmless. */
export function useAddIntervention(id: string) {
  return useRequestMutation((body: CreateSupportInterventionBody) =>
    api.post<SupportRequest>(`${requestPath(id)}/interventions`, body),
  );
}

/**
 * The request's value for a field of the correction's body, in the body's own shape, so that
 * `sendVersioned` compares like with like.
 */
export function requestValue(record: Record<string, unknown>, field: string): unknown {
  const r = record as unknown as SupportRequest;
  switch (field) {
    case 'requester':
      if (!r.requester) return undefined;
      return r.requester.kind === 'professional'
        ? {
            kind: r.requester.kind,
            personId: r.requester.person?.id,
            organisationId: r.requester.organisation?.id,
          }
        : { kind: r.requester.kind, name: r.requester.name, callBack: r.requester.callBack };
    case 'person':
      if (!r.person) return undefined;
      return {
        initials: r.person.initials ?? '',
        gender: r.person.gender,
        ageBand: r.person.ageBand,
        housing: r.person.housing,
        language: r.person.language ?? '',
      };
    case 'referralOrganisationIds':
      return r.referrals?.map((o) => o.id);
    default:
      return record[field];
  }
}

/**
 * Corrects the request's own fields (versioned, decision 13). A 412 on a request carries a
 * summary without its free text (decision 24): the request is read again, with a logged GET,
 * to compare the fields the user changed.
 */
export function updateSupportRequest({
  base,
  body,
}: {
  base: SupportRequest;
  body: UpdateSupportRequestBody;
}): Promise<SupportRequest> {
  return sendVersioned(
    base,
    body,
    async (version) => {
      try {
        return await api.patch<SupportRequest>(requestPath(base.id), body, { ifMatch: version });
      } catch (error) {
        if (!isApiError(error) || error.status !== 412) throw error;
        const current = await getSupportRequest(base.id);
        throw new ApiError({ status: 412, code: error.code, errors: error.errors, current });
      }
    },
    requestValue,
  );
}

export function useUpdateSupportRequest() {
  return useRequestMutation(updateSupportRequest);
}

/** An intervention's value for a field of its correction's body, read inside the request. */
export const interventionValue =
  (interventionId: string) =>
  (record: Record<string, unknown>, field: string): unknown => {
    const i = (record as unknown as SupportRequest).interventions?.find((x) => x.id === interventionId);
    if (!i) return undefined;
    return field === 'workerIds' ? i.workers.map((w) => w.id) : (i as Record<string, unknown>)[field];
  };

/**
 * Corrects one intervention (day, pair, place, duration, notes), versioned on its request
 * (decision 13): the request's version goes in If-Match. A 412 carries no free text, so the
 * request is read again (logged) to compare the intervention's fields the user changed.
 */
export function correctIntervention({
  base,
  interventionId,
  body,
}: {
  base: SupportRequest;
  interventionId: string;
  body: UpdateSupportInterventionBody;
}): Promise<SupportRequest> {
  return sendVersioned(
    base,
    body,
    async (version) => {
      try {
        return await api.patch<SupportRequest>(
          `${requestPath(base.id)}/interventions/${encodeURIComponent(interventionId)}`,
          body,
          { ifMatch: version },
        );
      } catch (error) {
        if (!isApiError(error) || error.status !== 412) throw error;
        const current = await getSupportRequest(base.id);
        throw new ApiError({ status: 412, code: error.code, errors: error.errors, current });
      }
    },
    interventionValue(interventionId),
  );
}

export function useCorrectIntervention() {
  return useRequestMutation(correctIntervention);
}
