import type {
  CreateTrainingEditionBody,
  CreateTrainingModuleBody,
  CreateTrainingParticipantBody,
  TrainingAttendanceBody,
  TrainingEdition,
  TrainingEditionList,
  TrainingModule,
  TrainingModuleList,
  TrainingParticipant,
  UpdateTrainingEditionBody,
  UpdateTrainingModuleBody,
  UpdateTrainingParticipantBody,
} from '@smes/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, isApiError } from '@/lib/api-client';
import { recordValue, sendVersioned } from '@/lib/versioned';
import { figureKeys } from '@/features/figures';

/**
 * Support's trainings (decision 29): modules, editions, participants, attendance. An edition's
 * read names its participants: the API logs it with the page's purpose (follow-up, sent by the
 * API client). Every change refreshes all of it, and the figures.
 */
export const trainingKeys = {
  all: ['support-trainings'] as const,
  modules: () => [...trainingKeys.all, 'modules'] as const,
  editions: () => [...trainingKeys.all, 'editions'] as const,
  edition: (id: string) => [...trainingKeys.all, 'edition', id] as const,
};

const BASE = '/api/support/trainings';
const editionPath = (id: string) => `${BASE}/editions/${encodeURIComponent(id)}`;

export function useTrainingModules() {
  return useQuery({
    queryKey: trainingKeys.modules(),
    queryFn: ({ signal }) => api.get<TrainingModuleList>(`${BASE}/modules`, { signal }),
    select: (list) => list.items,
  });
}

export function useTrainingEditions() {
  return useQuery({
    queryKey: trainingKeys.editions(),
    queryFn: ({ signal }) => api.get<TrainingEditionList>(`${BASE}/editions`, { signal }),
    select: (list) => list.items,
  });
}

/** An edition with its participants: a logged read (the API client sends the page's purpose). */
export function getTrainingEdition(id: string, signal?: AbortSignal): Promise<TrainingEdition> {
  return api.get<TrainingEdition>(editionPath(id), { signal });
}

export function trainingEditionQueryOptions(id: string) {
  return queryOptions({
    queryKey: trainingKeys.edition(id),
    queryFn: ({ signal }) => getTrainingEdition(id, signal),
  });
}

/**
 * A 412 that names no one (ids and version only) becomes one carrying the record as it is now,
 * read again with the edition (a logged read), so that the user sees both values.
 */
async function withCurrent<T>(send: () => Promise<T>, current: () => Promise<unknown>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isApiError(error) || error.status !== 412) throw error;
    throw new ApiError({ status: 412, code: error.code, errors: error.errors, current: await current() });
  }
}

export function useTrainingEdition(id: string) {
  return useQuery(trainingEditionQueryOptions(id));
}

function useTrainingMutation<V, T>(send: (variables: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingKeys.all }),
        queryClient.invalidateQueries({ queryKey: figureKeys.all }),
      ]),
  });
}

export function useCreateTrainingModule() {
  return useTrainingMutation((body: CreateTrainingModuleBody) =>
    api.post<TrainingModule>(`${BASE}/modules`, body),
  );
}

/** A module's titles corrected, over the version loaded (its 412 answers the module as it is now). */
export function useUpdateTrainingModule() {
  return useTrainingMutation(({ base, body }: { base: TrainingModule; body: UpdateTrainingModuleBody }) =>
    sendVersioned(base, body, (version) =>
      api.patch<TrainingModule>(`${BASE}/modules/${encodeURIComponent(base.id)}`, body, { ifMatch: version }),
    ),
  );
}

export function useCreateTrainingEdition() {
  return useTrainingMutation((body: CreateTrainingEditionBody) =>
    api.post<TrainingEdition>(`${BASE}/editions`, body),
  );
}

/** The edition's body fields as its record names them (`partnerOrganisationId` → `partner.id`). */
export function editionValue(record: Record<string, unknown>, field: string): unknown {
  if (field === 'partnerOrganisationId') {
    const partner = record.partner as { id: string } | null | undefined;
    return partner === undefined ? undefined : (partner?.id ?? null);
  }
  return recordValue(record, field);
}

export function useUpdateTrainingEdition() {
  return useTrainingMutation(({ base, body }: { base: TrainingEdition; body: UpdateTrainingEditionBody }) =>
    // The version the user loaded goes in If-Match; a 412 is resent or said (lib/versioned).
    sendVersioned(
      base,
      body,
      (version) => api.patch<TrainingEdition>(editionPath(base.id), body, { ifMatch: version }),
      editionValue,
    ),
  );
}

export function useAddTrainingParticipant() {
  return useTrainingMutation(
    ({ editionId, body }: { editionId: string; body: CreateTrainingParticipantBody }) =>
      api.post<TrainingParticipant>(`${editionPath(editionId)}/participants`, body),
  );
}

export function useUpdateTrainingParticipant() {
  return useTrainingMutation(
    ({ base, body }: { base: TrainingParticipant; body: UpdateTrainingParticipantBody }) =>
      // The API's 412 names no one: the edition is read again to compare the payment.
      sendVersioned(base, body, (version) =>
        withCurrent(
          () =>
            api.patch<TrainingParticipant>(`${BASE}/participants/${encodeURIComponent(base.id)}`, body, {
              ifMatch: version,
            }),
          async () =>
            (await getTrainingEdition(base.editionId)).participantList.find((p) => p.id === base.id),
        ),
      ),
  );
}

/** A day's attendance as its body names it (`participantIds` → that session's `presentIds`). */
export const attendanceValue =
  (sessionId: string) =>
  (record: Record<string, unknown>, field: string): unknown => {
    if (field !== 'participantIds') return recordValue(record, field);
    const sessions = (record as unknown as TrainingEdition).sessions;
    return sessions?.find((s) => s.id === sessionId)?.presentIds;
  };

/**
 * Who was present on one day: the whole list (the others absent), a change of the edition
 * (its version in If-Match). The API's 412 shows the edition without its days' attendance, so
 * the edition is read again (logged): when a colleague changed that day's list meanwhile, the
 * user sees both lists; otherwise the list is sent again over the new version.
 */
export function useSaveTrainingAttendance() {
  return useTrainingMutation(
    ({ base, sessionId, body }: { base: TrainingEdition; sessionId: string; body: TrainingAttendanceBody }) =>
      sendVersioned(
        base,
        body,
        (version) =>
          withCurrent(
            () =>
              api.put<TrainingEdition>(
                `${editionPath(base.id)}/sessions/${encodeURIComponent(sessionId)}/attendance`,
                body,
                { ifMatch: version },
              ),
            () => getTrainingEdition(base.id),
          ),
        attendanceValue(sessionId),
      ),
  );
}
