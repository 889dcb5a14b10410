import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useSession } from '@/hooks/use-session';
import { sessionStore } from '@/lib/session';
import { differs, readForm, writeForm } from './form-fields';
import { deleteDraft, loadDraft, saveDraft } from './store';
import type { DraftAddress } from './store';
import { unsavedForms } from './unsaved';

/** Which draft a form keeps: its name, and for an edit form the record and the version loaded. */
export interface DraftOptions {
  id: string;
  recordId?: string;
  version?: number;
}

/** Typing is saved once it pauses this long (and at once when the session ends or on submit). */
const SAVE_AFTER_MS = 400;

type DraftFormProps = ComponentProps<'form'> & { draft: DraftOptions };

/**
 * A `<form>` that keeps a draft of what is typed in it (encrypted, in IndexedDB: store.ts),
 * restores it when the same form opens again for the same user, page and record version (after
 * the session ended and the user signed in again, or after a reload) saying so, with a button to
 * discard it, and holds the app's navigation guard while it has unsaved changes. Used in place
 * of `<form>` with one prop: `<DraftForm draft={{ id: 'organisation' }} …>`.
 *
 * The draft is dropped when the form closes while signed in (saved, cancelled, or left after
 * the warning) and kept when it closes because the session ended.
 */
export function DraftForm({ draft, children, ...props }: DraftFormProps) {
  const { t } = useTranslation('drafts');
  const session = useSession();
  const userId = session.status === 'authenticated' ? session.user.id : null;
  const { pathname } = useLocation();
  const instance = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const discardRef = useRef<() => void>(() => undefined);
  const [restored, setRestored] = useState(false);
  const { id: formId, recordId, version } = draft;

  const address = useMemo<DraftAddress | null>(
    () => (userId ? { userId, path: pathname, formId, recordId, version } : null),
    [userId, pathname, formId, recordId, version],
  );

  useEffect(() => {
    const form = formRef.current;
    if (!form || !address) return;
    const baseline = readForm(form);
    let cancelled = false;
    let touched = false; // typed in, or restored: the draft is this form's to keep or drop
    let applying = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const persist = () => {
      timer = undefined;
      const values = readForm(form);
      if (differs(values, baseline)) void saveDraft(address, values);
      else void deleteDraft(address);
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(persist, SAVE_AFTER_MS);
    };
    const apply = (values: Parameters<typeof writeForm>[1]) => {
      applying = true;
      try {
        return writeForm(form, values);
      } finally {
        applying = false;
      }
    };
    const onEdit = () => {
      if (applying) return;
      touched = true;
      unsavedForms.set(instance, differs(readForm(form), baseline));
      schedule();
    };
    // Submitted: handed to the server, so following the page it opens loses nothing (the next
    // edit, after a refusal, counts again). The draft stays until the form closes signed in.
    const onSubmit = () => {
      unsavedForms.set(instance, false);
      if (timer !== undefined) {
        clearTimeout(timer);
        persist();
      }
    };
    form.addEventListener('input', onEdit);
    form.addEventListener('change', onEdit);
    form.addEventListener('submit', onSubmit);

    discardRef.current = () => {
      clearTimeout(timer);
      apply(baseline);
      touched = false;
      unsavedForms.set(instance, false);
      void deleteDraft(address);
      setRestored(false);
      // The button that had focus is gone: focus goes back to the form's first field.
      form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    };

    void loadDraft(address).then((values) => {
      if (cancelled || !values || touched) return;
      const rest = apply(values);
      // Fields that appear once another is filled get their values on the next frame.
      if (Object.keys(rest).length > 0) {
        requestAnimationFrame(() => {
          if (!cancelled) apply(rest);
        });
      }
      touched = true;
      unsavedForms.set(instance, true);
      setRestored(true);
    });

    return () => {
      cancelled = true;
      clearTimeout(timer);
      form.removeEventListener('input', onEdit);
      form.removeEventListener('change', onEdit);
      form.removeEventListener('submit', onSubmit);
      unsavedForms.set(instance, false);
      if (!touched) return;
      const state = sessionStore.getState();
      if (state.status === 'authenticated') {
        // Saved, cancelled or left after the warning: nothing to come back to.
        void deleteDraft(address);
      } else if (state.status === 'anonymous' && state.reason !== 'signedOut') {
        // The session ended under the user's hands: keep the very last keystrokes too.
        const values = readForm(form);
        if (differs(values, baseline)) void saveDraft(address, values);
      }
    };
  }, [address, instance]);

  return (
    <form ref={formRef} {...props}>
      {restored && (
        <div className="alert alert--info draft-restored" role="status">
          <span>{t('restored')}</span>{' '}
          <button type="button" className="button--ghost" onClick={() => discardRef.current()}>
            {t('discard')}
          </button>
        </div>
      )}
      {children}
    </form>
  );
}
