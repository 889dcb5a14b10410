import { useState } from 'react';
import { can, formatAmount, organisationName, type SupervisionSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isNotFound } from '@/lib/api-client';
import { formatDay, formatNumber } from '@/lib/format';
import { useSupervision } from '../api/get-supervision';
import { PaymentConflict, PaymentForm } from '@/components/payment-form';
import { UndoPaymentDialog } from '@/components/undo-payment-dialog';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useUpdateSupervision } from '../api/update-supervision';
import { AddSessionForm } from '../components/add-session-form';
import { AgreementForm } from '../components/agreement-form';
import { SessionDialog } from '../components/session-dialog';
import { SessionsTable } from '../components/sessions-table';

/**
 * One supervision: the team, the agreement (corrected, its fee's payment recorded or undone),
 * its sessions; add a session, mark it held or cancelled.
 */
export function SupervisionPage() {
  const { id = '' } = useParams();
  // Another supervision's page starts afresh: no open form, dialog or message of this one.
  return <SupervisionView key={id} id={id} />;
}

function SupervisionView({ id }: { id: string }) {
  const { t } = useTranslation(['supervisions', 'common']);
  const user = useCurrentUser();
  const locale = useLocale();
  const supervision = useSupervision(id);
  useDocumentTitle(supervision.data?.team ?? t('title'));
  const [adding, setAdding] = useState(false);
  const [acting, setActing] = useState<{ session: SupervisionSession; action: 'held' | 'cancelled' } | null>(
    null,
  );
  const [feedback, setFeedback] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [paying, setPaying] = useState<'record' | 'undo' | null>(null);
  const pay = useEditConflict(useUpdateSupervision());
  const canUpdate = can(user, 'support', 'update');

  if (supervision.isPending) return <FullPageLoading />;
  if (supervision.isError) {
    if (isNotFound(supervision.error)) return <NotFoundPage />;
    return (
      <>
        <h1>{t('title')}</h1>
        <ErrorAlert error={supervision.error} />
      </>
    );
  }
  const s = supervision.data;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/support/supervisions">{t('back')}</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{s.team}</h1>
          <p className="muted">{organisationName(s.organisation, locale)}</p>
        </div>
      </div>
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <section className="panel" aria-labelledby="agreement-title">
        <div className="page-header">
          <h2 id="agreement-title">{t('agreement.title')}</h2>
          {/* Its own form: opening it leaves the payment form (and its draft) as it is. */}
          {canUpdate && !editing && (
            <button type="button" onClick={() => setEditing(true)}>
              {t('edit.open')}
            </button>
          )}
        </div>
        {editing ? (
          <AgreementForm
            supervision={s}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setFeedback(t('edit.saved'));
            }}
          />
        ) : (
          <dl className="facts">
            <dt>{t('agreement.startsOn')}</dt>
            <dd data-testid="agreement-starts-on">{formatDay(s.startsOn, locale)}</dd>
            <dt>{t('agreement.sessions')}</dt>
            <dd data-testid="held-count">
              {s.plannedSessions === null
                ? t('agreement.held', { count: s.heldSessions, n: formatNumber(s.heldSessions, locale) })
                : t('agreement.heldOf', {
                    held: formatNumber(s.heldSessions, locale),
                    planned: formatNumber(s.plannedSessions, locale),
                  })}
            </dd>
            <dt>{t('agreement.fee')}</dt>
            <dd data-testid="agreement-fee">
              {s.fee === null ? t('agreement.noFee') : formatAmount(s.fee, locale)}
              {s.payment && ` — ${t('agreement.paidOn', { day: formatDay(s.payment.paidOn, locale) })}`}
            </dd>
          </dl>
        )}
        {canUpdate && s.fee !== null && paying !== 'record' && (
          <div className="form__actions">
            {s.payment ? (
              <button
                type="button"
                onClick={() => {
                  pay.reset();
                  setPaying('undo');
                }}
              >
                {t('common:payment.undo')}
              </button>
            ) : (
              <button
                type="button"
                onClick={() => {
                  pay.reset();
                  setPaying('record');
                }}
              >
                {t('common:payment.record')}
              </button>
            )}
          </div>
        )}
        {paying === 'record' && s.fee !== null && (
          <PaymentForm
            id={s.id}
            draft={{ id: 'payment', recordId: s.id, version: s.version }}
            name={s.team}
            owed={s.fee}
            pending={pay.isPending}
            error={pay.error}
            conflict={<PaymentConflict edit={pay} />}
            onCancel={() => setPaying(null)}
            onSubmit={(payment) =>
              pay.mutate(
                { base: s, body: { payment } },
                {
                  onSuccess: () => {
                    setPaying(null);
                    setFeedback(t('payment.recorded'));
                  },
                },
              )
            }
          />
        )}
      </section>
      <section className="panel" aria-labelledby="sessions-title">
        <div className="page-header">
          <h2 id="sessions-title">{t('sessions.title')}</h2>
          {canUpdate && (
            <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
              {t('sessions.add.open')}
            </button>
          )}
        </div>
        {adding && (
          <AddSessionForm
            supervisionId={s.id}
            onCancel={() => setAdding(false)}
            onSaved={(day) => {
              setAdding(false);
              setFeedback(t('sessions.added', { day: formatDay(day, locale) }));
            }}
          />
        )}
        <SessionsTable
          sessions={s.sessions}
          canUpdate={canUpdate}
          onHeld={(session) => setActing({ session, action: 'held' })}
          onCancel={(session) => setActing({ session, action: 'cancelled' })}
        />
      </section>
      {acting && (
        <SessionDialog
          key={`${acting.session.id}-${acting.action}`}
          session={acting.session}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={(message) => {
            setFeedback(message);
            setActing(null);
          }}
        />
      )}
      {paying === 'undo' && s.payment && (
        <UndoPaymentDialog
          name={s.team}
          payment={s.payment}
          pending={pay.isPending}
          error={pay.error}
          conflict={<PaymentConflict edit={pay} />}
          onCancel={() => setPaying(null)}
          onConfirm={() =>
            pay.mutate(
              { base: s, body: { payment: null } },
              {
                onSuccess: (saved) => {
                  // Still paid: the user kept the payment someone else recorded meanwhile.
                  if (!saved.payment) setFeedback(t('payment.undone'));
                  setPaying(null);
                },
              },
            )
          }
        />
      )}
    </>
  );
}
