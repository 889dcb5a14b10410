import { useState } from 'react';
import { organisationName, type TrainingParticipant } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaymentConflict, PaymentForm } from '@/components/payment-form';
import { ResponsiveTable } from '@/components/responsive-table';
import { UndoPaymentDialog } from '@/components/undo-payment-dialog';
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
  const pay = useEditConflict(useUpdateTrainingParticipant());
  const [paying, setPaying] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<TrainingParticipant | null>(null);
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
                    {paying === p.id && p.fee !== null ? (
                      <PaymentForm
                        id={p.id}
                        draft={{ id: 'payment', recordId: p.id, version: p.version }}
                        name={name}
                        owed={p.fee}
                        pending={pay.isPending}
                        error={pay.error}
                        conflict={<PaymentConflict edit={pay} />}
                        onCancel={() => setPaying(null)}
                        onSubmit={(payment) =>
                          pay.mutate(
                            { base: p, body: { payment } },
                            {
                              onSuccess: () => {
                                setPaying(null);
                                onChanged(t('trainings:participants.paid', { name }));
                              },
                            },
                          )
                        }
                      />
                    ) : (
                      p.fee !== null && (
                        <div className="table__actions">
                          {p.payment ? (
                            <button
                              type="button"
                              className="button--small"
                              aria-label={t('common:payment.undoFor', { name })}
                              onClick={() => {
                                pay.reset();
                                setUndoing(p);
                              }}
                            >
                              {t('common:payment.undo')}
                            </button>
                          ) : (
                            <button
                              type="button"
                              className="button--small"
                              aria-label={t('common:payment.recordFor', { name })}
                              onClick={() => {
                                pay.reset();
                                setPaying(p.id);
                              }}
                            >
                              {t('trainings:participants.recordPayment')}
                            </button>
                          )}
                        </div>
                      )
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {undoing?.payment && (
        <UndoPaymentDialog
          name={personName(undoing.person)}
          payment={undoing.payment}
          pending={pay.isPending}
          error={pay.error}
          conflict={<PaymentConflict edit={pay} />}
          onCancel={() => setUndoing(null)}
          onConfirm={() =>
            pay.mutate(
              { base: undoing, body: { payment: null } },
              {
                onSuccess: (saved) => {
                  if (!saved.payment)
                    onChanged(t('trainings:participants.undone', { name: personName(undoing.person) }));
                  setUndoing(null);
                },
              },
            )
          }
        />
      )}
    </ResponsiveTable>
  );
}
