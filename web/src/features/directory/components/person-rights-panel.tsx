import { useState } from 'react';
import { can, kindName, RECORD_KIND_KEYS, type FieldError, type Person } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useErasePerson, useExportPerson } from '../api/person-rights';
import { personName } from './person-name';

/** The legal holds an erasure was refused for (409, one `legalHold` error per kind). */
function holdsOf(error: unknown): FieldError[] {
  if (!isApiError(error) || error.status !== 409) return [];
  return error.errors.filter((e) => e.code === 'legalHold');
}

/**
 * A person's rights (GDPR, decision 20), for whoever the access matrix allows (administrators):
 * the export of everything held about them (art. 15) and their erasure (art. 17), asked first,
 * saying what happens, and refused with the legal holds' reasons in the user's language.
 */
export function PersonRightsPanel({ person, onErased }: { person: Person; onErased: () => void }) {
  const { t } = useTranslation('directory');
  const user = useCurrentUser();
  const locale = useLocale();
  const exporting = useExportPerson();
  const erase = useErasePerson();
  /*
   * The page stays mounted from one person to the next (a route's parameter changes): what this
   * panel shows is tagged with the person it was for, so the next person's panel starts afresh.
   * Not a React `key` (tried in 0c6dcd1; the erasure browser test failed with it): a remount
   * would also drop a running erasure's own callbacks (TanStack Query calls a `mutate`'s
   * callbacks only while the component that sent it is mounted), which say it was done.
   */
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const asking = askingFor === person.id;
  const exportError = exporting.variables === person.id ? exporting.error : null;
  const eraseError = erase.variables === person.id ? erase.error : null;
  const mayExport = can(user, 'person_rights', 'export');
  const mayErase = can(user, 'person_rights', 'delete') && !person.erasedOn;
  if (!mayExport && !mayErase) return null;
  const holds = holdsOf(eraseError);
  const holdLine = (hold: FieldError) => {
    const named = String(hold.params?.kind ?? '');
    const kind = RECORD_KIND_KEYS.find((k) => k === named);
    const until = String(hold.params?.until ?? '');
    return t('rights.hold', {
      kind: kind ? kindName(kind, locale, 2) : named,
      hold: t(`rights.holds.${String(hold.params?.hold ?? '')}`, {
        defaultValue: String(hold.params?.hold ?? ''),
      }),
      until: /^\d{4}-\d{2}-\d{2}$/.test(until) ? formatDay(until, locale) : until,
    });
  };

  return (
    <section className="panel" aria-labelledby="person-rights-title">
      <h2 id="person-rights-title">{t('rights.title')}</h2>
      <p className="muted">{t('rights.intro')}</p>
      <div className="button-row">
        {mayExport && (
          <button type="button" disabled={exporting.isPending} onClick={() => exporting.mutate(person.id)}>
            {t('rights.export')}
          </button>
        )}
        {mayErase && (
          <button
            type="button"
            onClick={() => {
              erase.reset();
              setAskingFor(person.id);
            }}
          >
            {t('rights.erase')}
          </button>
        )}
      </div>
      <ErrorAlert error={exportError} />
      {holds.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t('rights.refused')}</p>
          <ul>
            {holds.map((hold) => (
              <li key={String(hold.params?.kind)}>{holdLine(hold)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorAlert error={eraseError} />
      )}
      <ConfirmDialog
        open={asking}
        title={t('rights.confirm.title', { name: personName(person) })}
        confirmLabel={t('rights.confirm.yes')}
        cancelLabel={t('rights.confirm.no')}
        busy={erase.isPending}
        onCancel={() => setAskingFor(null)}
        onConfirm={() =>
          erase.mutate(person.id, {
            onSuccess: () => onErased(),
            onSettled: () => setAskingFor(null),
          })
        }
      >
        <p>{t('rights.confirm.what')}</p>
        <p>{t('rights.confirm.kept')}</p>
        <p>
          <strong>{t('rights.confirm.final')}</strong>
        </p>
      </ConfirmDialog>
    </section>
  );
}
