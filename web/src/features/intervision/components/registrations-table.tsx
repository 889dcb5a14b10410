import { useState } from 'react';
import { organisationName, type Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { useDownloadCalendar } from '../api/download-calendar';
import { usePaymentActions } from '@/components/payment-actions';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { EditConflict } from '@/components/edit-conflict';
import { PaymentMethodCell } from '@/components/payment-method';
import { useUpdateRegistration } from '../api/update-registration';
import { participantName } from './participant-name';
import { WithdrawDialog } from './withdraw-dialog';
import { ResponsiveTable } from '@/components/responsive-table';

const BADGES: Record<Registration['status'], string> = {
  registered: 'badge badge--ok',
  waiting: 'badge badge--warning',
  withdrawn: 'badge badge--muted',
};

interface RegistrationsTableProps {
  registrations: readonly Registration[];
  canUpdate: boolean;
  onChanged: (text: string) => void;
  /** On a cycle's list (unpaid fees): each line names and links its group. */
  groupNames?: ReadonlyMap<string, string>;
  testId?: string;
  /** What an empty list means here ("no registration yet", "every fee is paid"). */
  emptyText?: string;
}

export function RegistrationsTable(props: RegistrationsTableProps) {
  const {
    registrations,
    canUpdate,
    onChanged,
    groupNames,
    testId = 'registrations-table',
    emptyText,
  } = props;
  const { t } = useTranslation(['intervision', 'common']);
  const locale = useLocale();
  // Off the waiting list; the API refuses while the group is full (409 `status`: `groupFull`).
  const nameOf = (r: Registration) => participantName(r) ?? t('intervision:registrations.removed');
  const admit = useEditConflict(useUpdateRegistration());
  const payments = usePaymentActions({
    edit: useEditConflict(useUpdateRegistration()),
    nameOf,
    draft: (r) => ({ id: 'payment', recordId: r.id, version: r.version }),
    onRecorded: (name) => onChanged(t('intervision:payment.recorded', { name })),
    onUndone: (name) => onChanged(t('intervision:payment.undone', { name })),
  });
  const calendar = useDownloadCalendar();
  const [withdrawing, setWithdrawing] = useState<Registration | null>(null);
  if (registrations.length === 0) {
    return <p className="muted table__empty">{emptyText ?? t('intervision:registrations.empty')}</p>;
  }
  // Why someone stays on the waiting list, naming them: the group is full, or they left it already.
  const refusedCode = isApiError(admit.error) ? admit.error.fieldError('status') : null;
  const refusedOne = registrations.find((r) => r.id === admit.variables?.base.id);
  const admitRefused =
    refusedOne && (refusedCode === 'groupFull' || refusedCode === 'notAllowed')
      ? { code: refusedCode, name: nameOf(refusedOne) }
      : null;

  return (
    <ResponsiveTable>
      <table className="table" data-testid={testId} aria-busy={admit.isPending || undefined}>
        <caption className="visually-hidden">{t('intervision:registrations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intervision:registrations.table.person')}</th>
            <th scope="col">{t('intervision:registrations.table.organisation')}</th>
            {groupNames && <th scope="col">{t('intervision:registrations.table.group')}</th>}
            <th scope="col">{t('intervision:registrations.table.registeredOn')}</th>
            <th scope="col">{t('intervision:registrations.table.status')}</th>
            <th scope="col" className="numeric">
              {t('intervision:registrations.table.fee')}
            </th>
            <th scope="col">{t('intervision:registrations.table.rate')}</th>
            <th scope="col">{t('intervision:registrations.table.paidOn')}</th>
            <th scope="col">{t('common:payment.method')}</th>
            <th scope="col">{t('intervision:registrations.table.reference')}</th>
            <th scope="col">{t('intervision:registrations.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {registrations.map((r) => {
            const name = nameOf(r);
            return (
              <tr key={r.id}>
                <th scope="row">{name}</th>
                <td>{organisationName(r.organisation, locale)}</td>
                {groupNames && (
                  <td>
                    <Link to={`/intervision/groups/${r.groupId}`}>
                      {groupNames.get(r.groupId) ?? t('intervision:registrations.openGroup')}
                    </Link>
                  </td>
                )}
                <td className="nowrap">{formatDay(r.registeredOn, locale)}</td>
                <td>
                  <span className={BADGES[r.status]}>
                    {t(`intervision:registrationStatuses.${r.status}`)}
                  </span>
                  {r.withdrawnOn && <span className="table__sub">{formatDay(r.withdrawnOn, locale)}</span>}
                </td>
                <td className="numeric nowrap">{formatAmount(r.fee, locale)}</td>
                <td>
                  {t(
                    r.memberRate
                      ? 'intervision:registrations.memberRate'
                      : 'intervision:registrations.nonMemberRate',
                  )}
                </td>
                <td className="nowrap">
                  {r.payment ? formatDay(r.payment.paidOn, locale) : t('intervision:payment.unpaid')}
                </td>
                <PaymentMethodCell payment={r.payment} owed={r.fee} />
                <td>{r.payment?.reference ?? t('common:none')}</td>
                <td>
                  {payments.isPaying(r) ? (
                    payments.form(r, r.fee)
                  ) : (
                    <div className="table__actions">
                      {r.person && r.status !== 'withdrawn' && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('intervision:calendar.participantFor', { name })}
                          disabled={calendar.isPending}
                          onClick={() =>
                            calendar.mutate({ source: { kind: 'registration', id: r.id }, name })
                          }
                        >
                          {t('intervision:calendar.participant')}
                        </button>
                      )}
                      {canUpdate && r.status === 'waiting' && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('intervision:registrations.admitFor', { name })}
                          disabled={admit.isPending}
                          onClick={() =>
                            admit.mutate(
                              { base: r, body: { status: 'registered' } },
                              {
                                onSuccess: (saved) =>
                                  onChanged(
                                    t('intervision:registrations.admitted', {
                                      name,
                                      fee: formatAmount(saved.fee, locale),
                                    }),
                                  ),
                              },
                            )
                          }
                        >
                          {t('intervision:registrations.admit')}
                        </button>
                      )}
                      {canUpdate &&
                        (r.payment || r.status !== 'waiting') &&
                        payments.button(r, {
                          record: t('intervision:payment.record'),
                          recordFor: t('intervision:payment.recordFor', { name }),
                          undo: t('intervision:payment.undo'),
                          undoFor: t('intervision:payment.undoFor', { name }),
                        })}
                      {canUpdate && r.status !== 'withdrawn' && (
                        <button
                          type="button"
                          className="button--small"
                          aria-label={t('intervision:registrations.withdrawFor', { name })}
                          onClick={() => setWithdrawing(r)}
                        >
                          {t('intervision:registrations.withdraw')}
                        </button>
                      )}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {admitRefused ? (
        <p className="alert alert--error" role="alert" data-testid="admit-refused">
          {t(`intervision:registrations.admitRefused.${admitRefused.code}`, { name: admitRefused.name })}
        </p>
      ) : (
        <ErrorAlert error={admit.error ?? calendar.error} />
      )}
      <EditConflict
        edit={admit}
        label={() => t('intervision:registrations.table.status')}
        display={(_field, value) => t(`intervision:registrationStatuses.${value as Registration['status']}`)}
      />
      {withdrawing && (
        <WithdrawDialog
          registration={withdrawing}
          name={nameOf(withdrawing)}
          onCancel={() => setWithdrawing(null)}
          onDone={() => {
            onChanged(t('intervision:registrations.withdrawn', { name: nameOf(withdrawing) }));
            setWithdrawing(null);
          }}
        />
      )}
      {payments.dialog}
    </ResponsiveTable>
  );
}
