import { organisationName, type TrainingParticipant } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePaymentActions } from '@/components/payment-actions';
import { ResponsiveTable } from '@/components/responsive-table';
import { personName } from '@/features/directory';
import { useReferenceItems } from '@/features/reference';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { pickLabel } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useUpdateTrainingParticipant } from '../api/trainings';

/**
 * An edition's participants: the person, the organisation they came for and its sectors on the
 * registration day, the fee fixed then, and its payment (recorded or undone here, decision 19).
 */
export function ParticipantsTable({
  participants,
  canUpdate,
  onChanged,
}: {
  participants: readonly TrainingParticipant[];
  canUpdate: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation(['trainings', 'common']);
  const locale = useLocale();
  const sectors = useReferenceItems('sector', { includeRetired: true });
  const payments = usePaymentActions({
    edit: useEditConflict(useUpdateTrainingParticipant()),
    nameOf: (p: TrainingParticipant) => personName(p.person),
    draft: (p) => ({ id: 'payment', recordId: p.id, version: p.version }),
    onRecorded: (name) => onChanged(t('trainings:participants.paid', { name })),
    onUndone: (name) => onChanged(t('trainings:participants.undone', { name })),
  });
  if (participants.length === 0) return <p className="muted">{t('trainings:participants.none')}</p>;
  const sectorNames = (ids: readonly string[]) =>
    ids
      .map((id) => sectors.data?.find((s) => s.id === id))
      .flatMap((s) => (s ? [pickLabel(s, locale)] : []))
      .join(', ');

  return (
    <ResponsiveTable>
      <table className="table" data-testid="participants-table">
        <caption className="visually-hidden">{t('trainings:participants.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainings:participants.person')}</th>
            <th scope="col">{t('trainings:participants.organisation')}</th>
            <th scope="col">{t('trainings:participants.registeredOn')}</th>
            <th scope="col">{t('trainings:participants.fee')}</th>
            {canUpdate && <th scope="col">{t('trainings:participants.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => {
            const name = personName(p.person);
            return (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/directory/people/${p.person.id}`}>{name}</Link>
                </th>
                <td>
                  {organisationName(p.organisation, locale)}
                  {p.sectorIds.length > 0 && <span className="table__sub">{sectorNames(p.sectorIds)}</span>}
                </td>
                <td className="nowrap">{formatDay(p.registeredOn, locale)}</td>
                <td>
                  {p.fee === null ? (
                    t('trainings:participants.free')
                  ) : (
                    <>
                      <span className="nowrap">{formatAmount(p.fee, locale)}</span>
                      <span className="table__sub">
                        {p.payment
                          ? t('trainings:participants.paidOn', { day: formatDay(p.payment.paidOn, locale) })
                          : t('trainings:participants.unpaid')}
                      </span>
                    </>
                  )}
                </td>
                {canUpdate && (
                  <td>
                    {p.fee !== null &&
                      (payments.isPaying(p) ? (
                        payments.form(p, p.fee)
                      ) : (
                        <div className="table__actions">
                          {payments.button(p, {
                            record: t('trainings:participants.recordPayment'),
                            recordFor: t('common:payment.recordFor', { name }),
                            undo: t('common:payment.undo'),
                            undoFor: t('common:payment.undoFor', { name }),
                          })}
                        </div>
                      ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {payments.dialog}
    </ResponsiveTable>
  );
}
