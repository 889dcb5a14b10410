/**
 * Which open forms hold typed work not yet handed to the server: the app's one navigation
 * guard (LeaveGuard) and `beforeunload` ask before leaving while any does.
 */
const dirty = new Set<string>();

export const unsavedForms = {
  set(instance: string, isDirty: boolean) {
    if (isDirty) dirty.add(instance);
    else dirty.delete(instance);
  },
  any: () => dirty.size > 0,
};
