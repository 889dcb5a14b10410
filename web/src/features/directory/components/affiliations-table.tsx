import { useState } from 'react';
import type { FormEvent } from 'react';
import { type Affiliation, organisationName, type Person } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { isCurrent, today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useUpdateAffiliation } from '../api/update-affiliation';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { ResponsiveTable } from '@/components/responsive-table';

/** Current ones first, then the most recent start first: the history reads top-down. */
function byRecency(a: Affiliation, b: Affiliation): number {
  const current = Number(isCurrent(b)) - Number(isCurrent(a));
  if (current !== 0) return current;
  return (b.startsOn ?? '').localeCompare(a.startsOn ?? '');
}

interface AffiliationsTableProps {
  person: Person;
  canEdit: boolean;
  onEnded: (organisation: string) => void;
}

export function AffiliationsTable({ person, canEdit, onEnded }: AffiliationsTableProps) {
  const { t } = useTranslation(['directory', 'common']);
  const locale = useLocale();
  const [ending, setEnding] = useState<string | null>(null);
  const rows = [...person.affiliations].sort(byRecency);
  const day = (value: string | null) => (value ? formatDay(value, locale) : t('common:none'));

  if (rows.length === 0) return <p className="muted">{t('directory:affiliations.empty')}</p>;

  return (
    <ResponsiveTable>
      <table className="table" data-testid="affiliations-table">
        <caption className="visually-hidden">
          {t('directory:affiliations.caption', { name: `${person.firstName} ${person.lastName}` })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('directory:affiliations.organisation')}</th>
            <th scope="col">{t('directory:affiliations.function')}</th>
            <th scope="col">{t('directory:affiliations.startsOn')}</th>
            <th scope="col">{t('directory:affiliations.endsOn')}</th>
            <th scope="col">{t('directory:affiliations.status')}</th>
            {canEdit && <th scope="col">{t('directory:affiliations.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const name = organisationName(a.organisation, locale);
            const current = isCurrent(a);
            return (
              <tr key={a.id} className={current ? undefined : 'is-disabled'}>
                <th scope="row">
                  <Link to={`/directory/organisations/${a.organisation.id}`}>{name}</Link>
                </th>
                <td>{a.function ?? t('common:none')}</td>
                <td>{day(a.startsOn)}</td>
                <td>{day(a.endsOn)}</td>
                <td>
                  <span className={current ? 'badge badge--ok' : 'badge badge--muted'}>
                    {t(current ? 'directory:affiliations.current' : 'directory:affiliations.ended')}
                  </span>
                </td>
                {canEdit && (
                  <td>
                    {ending === a.id ? (
                      <EndAffiliationForm
                        person={person}
                        affiliation={a}
                        name={name}
                        onDone={() => {
                          setEnding(null);
                          onEnded(name);
                        }}
                        onCancel={() => setEnding(null)}
                      />
                    ) : (
                      a.endsOn === null && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('directory:affiliations.endFor', { name })}
                          onClick={() => setEnding(a.id)}
                        >
                          {t('directory:affiliations.end')}
                        </button>
                      )
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}

interface EndAffiliationFormProps {
  person: Person;
  affiliation: Affiliation;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Ending sets an end date (today unless changed): the affiliation stays in the history. */
function EndAffiliationForm({ person, affiliation, name, onDone, onCancel }: EndAffiliationFormProps) {
  const { t } = useTranslation(['directory', 'errors']);
  const update = useEditConflict(useUpdateAffiliation());
  const [endsOn, setEndsOn] = useState(today());
  const fieldError = isApiError(update.error) ? update.error.fieldError('endsOn') : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ base: person, affiliationId: affiliation.id, body: { endsOn } }, { onSuccess: onDone });
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate>
      <label className="visually-hidden" htmlFor={`ends-${affiliation.id}`}>
        {t('directory:affiliations.endsOnLabel', { name })}
      </label>
      <input
        id={`ends-${affiliation.id}`}
        type="date"
        required
        min={affiliation.startsOn ?? undefined}
        value={endsOn}
        aria-invalid={fieldError ? true : undefined}
        onChange={(e) => setEndsOn(e.target.value)}
      />
      <button type="submit" className="button--small button--primary" disabled={!endsOn || update.isPending}>
        {t('directory:affiliations.saveEnd')}
      </button>
      <button type="button" className="button--small" onClick={onCancel}>
        {t('directory:affiliations.cancel')}
      </button>
      {fieldError ? (
        <p className="field__error">{t(`errors:fieldErrors.${fieldError}`)}</p>
      ) : (
        <ErrorAlert error={update.error} />
      )}
      <EditConflict edit={update} label={() => t('directory:affiliations.endsOnLabel', { name })} />
    </form>
  );
}
