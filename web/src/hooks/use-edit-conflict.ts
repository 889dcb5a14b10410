import { useQueryClient } from '@tanstack/react-query';
import { isEditConflict } from '@/lib/versioned';
import type { EditConflictError, Versioned } from '@/lib/versioned';

/** The variables of every versioned update (decision 13): the record loaded and what changed. */
export interface VersionedUpdate {
  base: Versioned;
  body: object;
}

/** What the mechanism needs of an update's mutation (TanStack's `useMutation` result has it). */
export interface UpdateMutation<TData, TVars extends VersionedUpdate> {
  error: unknown;
  variables: TVars | undefined;
  isPending: boolean;
  mutate(variables: TVars, options?: { onSuccess?: (data: TData) => void }): void;
  reset(): void;
}

/** What the conflict panel (`components/edit-conflict.tsx`) shows and does. */
export interface EditConflictState {
  /** Someone else changed a field the user changed too; null otherwise. */
  conflict: EditConflictError | null;
  busy: boolean;
  /** Send the user's values again, over the version now on the server. */
  keepMine(): void;
  /** Keep the server's values for the fields in conflict; the user's other changes still go. */
  takeTheirs(): void;
}

/**
 * The choice offered on a conflict, for a mutation whose variables are `{ base, body, … }`
 * (other variables, an affiliation's id or a reference kind, are sent again as they were).
 * `onSaved` is what the form does once saved (the same it passes to its own `mutate`);
 * `refresh` makes the screen read the record again when nothing is left to send.
 */
export function editConflict<TData, TVars extends VersionedUpdate>(
  mutation: UpdateMutation<TData, TVars>,
  onSaved: ((data: TData) => void) | undefined,
  refresh: () => void,
): EditConflictState {
  const conflict = isEditConflict(mutation.error) ? mutation.error : null;
  const variables = mutation.variables;
  const send = (vars: TVars) => mutation.mutate(vars, onSaved ? { onSuccess: onSaved } : undefined);
  return {
    conflict,
    busy: mutation.isPending,
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
      onSaved?.(conflict.current as TData);
    },
  };
}

/**
 * A versioned edit form's part of a 412 (decision 13): `sendVersioned` has already resent by
 * itself when the user's fields were untouched on the server; what is left is a conflict the
 * user settles. Used with the panel:
 *
 *   const edit = useEditConflict(update, onSaved);
 *   <EditConflict edit={edit} label={fieldLabel} />
 */
export function useEditConflict<TData, TVars extends VersionedUpdate>(
  mutation: UpdateMutation<TData, TVars>,
  onSaved?: (data: TData) => void,
): EditConflictState {
  const queryClient = useQueryClient();
  return editConflict(mutation, onSaved, () => void queryClient.invalidateQueries());
}
