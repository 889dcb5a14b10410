import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { WhoHasSeen } from '@/features/audit';
import { useReferenceItems } from '@/features/reference';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useHandedFeedback } from '@/hooks/use-handed-feedback';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { pickLabel } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { usePerson } from '../api/get-person';
import { AddAffiliationForm } from '../components/add-affiliation-form';
import { AffiliationsTable } from '../components/affiliations-table';
import { PersonMergePanel } from '../components/person-merge-panel';
import { PersonRightsPanel } from '../components/person-rights-panel';
import { personName } from '../components/person-name';
import { DraftsDropped, useDropDraftsOfGoneRecord, useReopenDraft } from '@/lib/drafts';

export function PersonPage() {
  const { t } = useTranslation(['directory', 'common']);
  const { id = '' } = useParams();
  const handed = useHandedFeedback();
  const user = useCurrentUser();
  const locale = useLocale();
  const person = usePerson(id);
  const languages = useReferenceItems('language', { includeRetired: true });
  const [adding, setAdding] = useState(false);
  const erased = !!person.data?.erasedOn;
  // A half-typed affiliation (the session ended meanwhile) opens again with what was typed; not
  // for an erased person, whose drafts are dropped instead (decision 31).
  useReopenDraft({ id: 'affiliation', recordId: id }, () => setAdding(true), !!person.data && !erased);
  const dropped = useDropDraftsOfGoneRecord(id, erased || isNotFound(person.error));
  const [feedback, setFeedback] = useState(() => ({
    id,
    text: handed,
  }));
  const say = (text: string) => setFeedback({ id, text });
  // An erased person (art. 17) has no name left: the page says so instead.
  const name = person.data?.erasedOn
    ? t('directory:rights.erased.title')
    : person.data
      ? personName(person.data)
      : '';
  useDocumentTitle(name || t('directory:people.title'));

  if (person.isPending) return <FullPageLoading />;
  if (person.isError) {
    if (isNotFound(person.error)) {
      return (
        <>
          {dropped && <DraftsDropped />}
          <NotFoundPage />
        </>
      );
    }
    return <ErrorAlert error={person.error} />;
  }
  const p = person.data;
  const none = t('common:none');
  const language = p.language && languages.data?.find((l) => l.code === p.language);
  // An erased person keeps no name to edit, link or merge (decision 20).
  const canEdit = can(user, 'people', 'update') && !p.erasedOn;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/directory/people">{t('directory:person.detail.back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{name}</h1>
          {p.erasedOn && (
            <p className="muted">
              {t('directory:rights.erased.on', { date: formatDay(p.erasedOn, locale) })}
            </p>
          )}
        </div>
        {canEdit && !p.erasedOn && (
          <Link className="button" to={`/directory/people/${p.id}/edit`}>
            {t('directory:person.edit.open')}
          </Link>
        )}
      </div>

      {dropped && <DraftsDropped />}

      <div aria-live="polite" role="status" className="feedback">
        {feedback.id === id && feedback.text && <p className="alert alert--success">{feedback.text}</p>}
      </div>

      <section className="panel" aria-labelledby="person-contact-title">
        <h2 id="person-contact-title">{t('directory:person.detail.contact')}</h2>
        <dl className="facts">
          <dt>{t('directory:person.fields.email')}</dt>
          <dd>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : none}</dd>
          <dt>{t('directory:person.fields.phone')}</dt>
          <dd>{p.phone ?? none}</dd>
          <dt>{t('directory:person.fields.language')}</dt>
          <dd>{language ? pickLabel(language, locale) : (p.language ?? none)}</dd>
          <dt>{t('directory:person.fields.externalRef')}</dt>
          <dd>{p.externalRef ?? none}</dd>
          <dt>{t('directory:person.fields.notes')}</dt>
          <dd className="prewrap">{p.notes ?? none}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="person-affiliations-title">
        <div className="panel__header">
          <h2 id="person-affiliations-title">{t('directory:affiliations.title')}</h2>
          {canEdit && !adding && (
            <button type="button" className="button--small" onClick={() => setAdding(true)}>
              {t('directory:affiliations.add.open')}
            </button>
          )}
        </div>
        {adding && canEdit && (
          <div className="subpanel">
            <h3>{t('directory:affiliations.add.title')}</h3>
            <AddAffiliationForm
              person={p}
              onCancel={() => setAdding(false)}
              onAdded={(org) => {
                setAdding(false);
                say(t('directory:affiliations.add.done', { name: org }));
              }}
            />
          </div>
        )}
        <AffiliationsTable
          person={p}
          canEdit={canEdit}
          onEnded={(org) => say(t('directory:affiliations.endDone', { name: org }))}
        />
      </section>

      {can(user, 'people', 'delete') && !p.erasedOn && (
        <PersonMergePanel person={p} onMerged={(moved) => say(t('directory:merge.done', { count: moved }))} />
      )}

      <PersonRightsPanel person={p} onErased={() => say(t('directory:rights.done'))} />

      {can(user, 'audit_log', 'read') && <WhoHasSeen kind="person" recordId={p.id} />}
    </>
  );
}
