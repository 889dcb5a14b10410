import type { PersonErasure } from '@smes/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';
import { personKeys } from './keys';

/**
 * Everything held about the person (art. 15), saved as a JSON file; read for a data-subject
 * request (the purpose the API logs).
 */
export async function exportPerson(id: string): Promise<void> {
  const blob = await api.getBlob(`/api/people/${encodeURIComponent(id)}/export`, {
    purpose: 'data_subject_request',
  });
  saveBlob(blob, `smes-person-${id}.json`);
}

export function useExportPerson() {
  return useMutation({ mutationFn: exportPerson });
}

/** Erases the person (art. 17); refused 409 `legalHold` while a record kind's hold applies. */
export function erasePerson(id: string): Promise<PersonErasure> {
  return api.post<PersonErasure>(
    `/api/people/${encodeURIComponent(id)}/erasure`,
    {},
    {
      purpose: 'data_subject_request',
    },
  );
}

export function useErasePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: erasePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.all }),
  });
}
