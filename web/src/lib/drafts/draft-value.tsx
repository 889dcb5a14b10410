import { useEffect, useRef } from 'react';

/** The event `writeForm` sends a `DraftValue` with the value a draft kept (JSON, or '' for none). */
export const DRAFT_RESTORE_EVENT = 'draftrestore';

interface DraftValueProps<T> {
  /** What the form holds in React state only (a record chosen in a search picker), or null. */
  value: T | null;
  /** Puts a kept value back, as choosing it would. */
  onRestore: (value: T | null) => void;
}

/**
 * Lets a draft keep a value that is not in any field: a hidden input (`data-draft="value"`)
 * holds it as JSON, tells the form when it changes (a `change` event, so the draft is saved),
 * and hands a restored value back through `onRestore`. Used by the search picker.
 */
export function DraftValue<T>({ value, onRestore }: DraftValueProps<T>) {
  const ref = useRef<HTMLInputElement>(null);
  const restore = useRef(onRestore);
  restore.current = onRestore;
  const json = value === null || value === undefined ? '' : JSON.stringify(value);
  const shown = useRef(json);

  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    const onDraft = (event: Event) => {
      const kept = (event as CustomEvent<string>).detail;
      try {
        restore.current(kept ? (JSON.parse(kept) as T) : null);
      } catch {
        // Not ours to read (a draft of an older build): the picker stays as it is.
      }
    };
    input.addEventListener(DRAFT_RESTORE_EVENT, onDraft);
    return () => input.removeEventListener(DRAFT_RESTORE_EVENT, onDraft);
  }, []);

  // A new choice is an edit of the form, as typing is: the draft is saved.
  useEffect(() => {
    if (shown.current === json) return;
    shown.current = json;
    ref.current?.dispatchEvent(new Event('change', { bubbles: true }));
  }, [json]);

  return <input ref={ref} type="hidden" data-draft="value" value={json} />;
}
