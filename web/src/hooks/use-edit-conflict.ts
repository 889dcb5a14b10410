import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isEditConflict } from '@/lib/versioned';
import type { EditConflictError, Versioned } from '@/lib/versioned';

/** The variables of every versioned update (decision 13): the record loaded and what changed. */
export interface VersionedUpdate {
  /** None for a save that creates (an import mapping under a new name). */
  base?: Versioned | undefined;
  body: object;
}

/** What the form does once its update is saved (closing, saying so). */
export interface SaveOptions<TData> {
  onSuccess?: (data: TData) => void;
  onError?: (error: unknown) => void;
}

/** What the mechanism needs of an update's mutation (TanStack's `useMutation` result has it). */
export interface UpdateMutation<TData, TVars extends VersionedUpdate> {
  error: Error | null;
  variables: TVars | undefined;
  isPending: boolean;
  mutate(variables: TVars, options?: SaveOptions<TData>): void;
  reset(): void;
}

/**
 * The update as the form uses it (the mutation's `mutate`, `error`, `isPending`, `variables`,
 * `reset`), with what the conflict panel (`components/edit-conflict.tsx`) shows and does.
 */
export interface EditConflictState<TData = unknown, TVars extends VersionedUpdate = VersionedUpdate> {
  /** The mutation's own, remembering what to do once saved for the choice below. */
  mutate(variables: TVars, options?: SaveOptions<TData>): void;
  /** Someone else changed a field the user changed too; null otherwise. */
  conflict: EditConflictError | null;
  /** Any other error of the update, for the form's error alert (a conflict has its panel). */
  error: Error | null;
  isPending: boolean;
  variables: TVars | undefined;
  reset(): void;
  /** Send the user's values again, over the version now on the server. */
  keepMine(): void;
  /** Keep the server's values for the fields in conflict; the user's other changes still go. */
  takeTheirs(): void;
}

/**
 * The choice offered on a conflict, for a mutation whose variables are `{ base, body, … }`
 * (other variables, an affiliation's id or a reference kind, are sent again as they were).
 * `saved` keeps what the form asked to do once saved, from its last `mutate`; `refresh` makes
 * the screen read the record again when nothing is left to send.
 */
export function editConflict<TData, TVars extends VersionedUpdate>(
  mutation: UpdateMutation<TData, TVars>,
  saved: { current: SaveOptions<TData> | undefined },
  refresh: () => void,
): EditConflictState<TData, TVars> {
  const conflict = isEditConflict(mutation.error) ? mutation.error : null;
  const variables = mutation.variables;
  const send = (vars: TVars) => mutation.mutate(vars, saved.current);
  return {
    mutate(vars, options) {
      saved.current = options;
      mutation.mutate(vars, options);
    },
    conflict,
    error: conflict ? null : mutation.error,
    isPending: mutation.isPending,
    variables,
    reset: () => mutation.reset(),
    keepMine() {
      if (!conflict || !variables) return;
      send({ ...variables, base: conflict.current });
    },
    takeTheirs() {
      if (!conflict || !variables) return;
      const taken = new Set(conflict.fields.map((f) => f.field));
      const rest = Object.fromEntries(Object.entries(variables.body).filter(([field]) => !taken.has(field)));
      if (Object.keys(rest).length > 0) {
        send({ ...variables, base: conflict.current, body: rest });
        return;
      }
      // Nothing of the user's left to send: what is on the server is the record now.
      mutation.reset();
      refresh();
      saved.current?.onSuccess?.(conflict.current as TData);
    },
  };
}

/**
 * A versioned edit form's part of a 412 (decision 13): `sendVersioned` has already resent by
 * itself when the user's fields were untouched on the server; what is left is a conflict the
 * user settles. It wraps the update's mutation, used as before; the form shows the panel where
 * it shows its errors (`error` leaves the conflict to it):
 *
 *   const update = useEditConflict(useUpdatePerson());
 *   update.mutate({ base, body }, { onSuccess: onSaved });
 *   <ErrorAlert error={update.error} />
 *   <EditConflict edit={update} label={fieldLabel} />
 */
export function useEditConflict<TData, TVars extends VersionedUpdate>(
  mutation: UpdateMutation<TData, TVars>,
): EditConflictState<TData, TVars> {
  const queryClient = useQueryClient();
  const saved = useRef<SaveOptions<TData> | undefined>(undefined);
  return editConflict(mutation, saved, () => void queryClient.invalidateQueries());
}
