import { useState } from 'react';
import { can, formatAmount, organisationName, type TrainingSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { personName } from '@/features/directory';
import { ResponsiveTable } from '@/components/responsive-table';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { formatDay, formatNumber } from '@/lib/format';
import { useTrainingEdition } from '../api/trainings';
import { TrainingAttendanceForm } from '../components/attendance-form';
import { DaysSpan } from '../components/days-span';
import { EditionForm } from '../components/edition-form';
import { moduleTitle } from '../components/module-title';
import { ParticipantForm } from '../components/participant-form';
import { ParticipantsTable } from '../components/participants-table';

/**
 * One edition of a training: its facts (edited in place), its participants (or a partner's
 * count), places left, and who was present each day. Its read names people: logged by the API.
 */
export function EditionPage() {
  const { id = '' } = useParams();
  // Another edition's page starts afresh: no open form or message of this one.
  return <EditionView key={id} id={id} />;
}

function EditionView({ id }: { id: string }) {
  const { t } = useTranslation('trainings');
  const user = useCurrentUser();
  const locale = useLocale();
  const edition = useTrainingEdition(id);
  useDocumentTitle(edition.data ? moduleTitle(edition.data.module, locale) : t('title'));
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [marking, setMarking] = useState<TrainingSession | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const canUpdate = can(user, 'support', 'update');
  const canCreate = can(user, 'support', 'create');

  if (edition.isPending) return <FullPageLoading />;
  if (edition.isError) {
    if (isNotFound(edition.error)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('title')}</h1>
        <ErrorAlert error={edition.error} />
      </>
    );
  }
  const e = edition.data;
  const named = e.participantList.length;
  const counted = e.participantCount !== null;
  const full = e.capacity !== null && named >= e.capacity;
  const say = (message: string) => {
    setFeedback(message);
    setEditing(false);
    setAdding(false);
    setMarking(null);
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/support/trainings">{t('back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{moduleTitle(e.module, locale)}</h1>
          <p className="muted">
            <DaysSpan days={e.days} />
          </p>
        </div>
      </div>
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <section className="panel" aria-labelledby="edition-facts-title">
        <div className="page-header">
          <h2 id="edition-facts-title">{t('edition.title')}</h2>
          {canUpdate && !editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('edition.edit')}
            </button>
          )}
        </div>
        {editing ? (
          <EditionForm
            edition={e}
            onCancel={() => setEditing(false)}
            onSaved={() => say(t('edition.saved'))}
          />
        ) : (
          <dl className="facts" data-testid="edition-facts">
            <dt>{t('editionForm.organiser')}</dt>
            <dd>
              {e.organiser === 'partner' && e.partner
                ? organisationName(e.partner, locale)
                : t('organisers.smes')}
            </dd>
            <dt>{t('editionForm.format')}</dt>
            <dd>
              {e.format === 'video'
                ? t('formats.video')
                : [t('formats.in_person'), e.place].filter(Boolean).join(' — ')}
            </dd>
            <dt>{t('editionForm.days')}</dt>
            <dd>{e.days.map((d) => formatDay(d, locale)).join(', ')}</dd>
            <dt>{t('editionForm.capacity')}</dt>
            <dd data-testid="edition-capacity">
              {e.capacity === null
                ? t('edition.noCapacity', { n: formatNumber(e.participants, locale), count: e.participants })
                : t('edition.places', {
                    n: formatNumber(e.participants, locale),
                    capacity: formatNumber(e.capacity, locale),
                    left: formatNumber(Math.max(0, e.capacity - e.participants), locale),
                  })}
            </dd>
            <dt>{t('edition.fee')}</dt>
            <dd>
              {e.fee === null
                ? t('participants.free')
                : t('edition.feeEach', { amount: formatAmount(e.fee, locale) })}
            </dd>
          </dl>
        )}
      </section>
      <section className="panel" aria-labelledby="participants-title">
        <div className="page-header">
          <h2 id="participants-title">{t('participants.title')}</h2>
          {canCreate && !counted && (
            <button
              type="button"
              aria-expanded={adding}
              disabled={full && !adding}
              onClick={() => setAdding(!adding)}
            >
              {t('participants.add.open')}
            </button>
          )}
        </div>
        {full && !counted && <p className="muted">{t('participants.full')}</p>}
        {counted ? (
          <p data-testid="participant-count">
            {t('participants.counted', {
              count: e.participantCount ?? 0,
              n: formatNumber(e.participantCount ?? 0, locale),
            })}
          </p>
        ) : (
          <>
            {adding && (
              <ParticipantForm
                editionId={e.id}
                onCancel={() => setAdding(false)}
                onSaved={(p) => say(t('participants.added', { name: personName(p.person) }))}
              />
            )}
            <ParticipantsTable participants={e.participantList} canUpdate={canUpdate} onChanged={say} />
          </>
        )}
      </section>
      {!counted && (
        <section className="panel" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('attendance.daysTitle')}</h2>
          {marking ? (
            <TrainingAttendanceForm
              edition={e}
              session={marking}
              onCancel={() => setMarking(null)}
              onSaved={() => say(t('attendance.saved', { day: formatDay(marking.heldOn, locale) }))}
            />
          ) : (
            <ResponsiveTable>
              <table className="table" data-testid="attendance-table">
                <caption className="visually-hidden">{t('attendance.daysTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('attendance.day')}</th>
                    <th scope="col">{t('attendance.present')}</th>
                    {canUpdate && <th scope="col">{t('participants.actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {e.sessions.map((s) => {
                    const day = formatDay(s.heldOn, locale);
                    return (
                      <tr key={s.id}>
                        <th scope="row" className="nowrap">
                          {day}
                        </th>
                        <td>
                          {t('attendance.presentOf', {
                            n: formatNumber(s.presentIds.length, locale),
                            total: formatNumber(named, locale),
                          })}
                        </td>
                        {canUpdate && (
                          <td>
                            <button
                              type="button"
                              className="button--small"
                              disabled={named === 0}
                              aria-label={t('attendance.markFor', { day })}
                              onClick={() => {
                                setFeedback(null);
                                setMarking(s);
                              }}
                            >
                              {t('attendance.mark')}
                            </button>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ResponsiveTable>
          )}
        </section>
      )}
    </>
  );
}
