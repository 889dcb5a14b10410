import { useState } from 'react';
import type { DuesLine } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { PaymentConflict, PaymentForm } from '@/components/payment-form';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { PaymentMethodCell } from '@/components/payment-method';
import { UndoPaymentDialog } from '@/components/undo-payment-dialog';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { formatDay } from '@/lib/format';
import { useUpdateDues } from '../api/update-dues';
import { holderName } from './holder-name';
import { ResponsiveTable } from '@/components/responsive-table';

interface DuesTableProps {
  lines: readonly DuesLine[];
  busy: boolean;
  canUpdate: boolean;
  onChanged: (text: string) => void;
}

export function DuesTable({ lines, busy, canUpdate, onChanged }: DuesTableProps) {
  const { t } = useTranslation(['association', 'common']);
  const locale = useLocale();
  const update = useEditConflict(useUpdateDues());
  const [paying, setPaying] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<DuesLine | null>(null);
  if (lines.length === 0) return <p className="muted table__empty">{t('association:dues.empty')}</p>;

  return (
    <ResponsiveTable>
      <table className="table" data-testid="dues-table" aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t('association:dues.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('association:dues.table.holder')}</th>
            <th scope="col">{t('association:dues.table.kind')}</th>
            <th scope="col" className="numeric">
              {t('association:dues.table.amount')}
            </th>
            <th scope="col">{t('association:dues.table.status')}</th>
            <th scope="col">{t('association:dues.table.paidOn')}</th>
            <th scope="col">{t('common:payment.method')}</th>
            <th scope="col">{t('association:dues.table.reference')}</th>
            {canUpdate && <th scope="col">{t('association:dues.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const name = holderName(line.holder, locale);
            return (
              <tr key={line.id}>
                <th scope="row">{name}</th>
                <td>{t(`association:kinds.${line.holder.kind}`)}</td>
                <td className="numeric nowrap">{formatAmount(line.amountDue, locale)}</td>
                <td>
                  <span className={line.payment ? 'badge badge--ok' : 'badge badge--muted'}>
                    {t(line.payment ? 'association:dues.paid' : 'association:dues.unpaid')}
                  </span>
                </td>
                <td>{line.payment ? formatDay(line.payment.paidOn, locale) : t('common:none')}</td>
                <PaymentMethodCell payment={line.payment} owed={line.amountDue} />
                <td>{line.payment?.reference ?? t('common:none')}</td>
                {canUpdate && (
                  <td>
                    {paying === line.id ? (
                      <PaymentForm
                        id={line.id}
                        draft={{ id: 'dues-payment', recordId: line.id }}
                        name={name}
                        owed={line.amountDue}
                        pending={update.isPending}
                        error={update.error}
                        conflict={<PaymentConflict edit={update} />}
                        onCancel={() => {
                          update.reset();
                          setPaying(null);
                        }}
                        onSubmit={(payment) =>
                          update.mutate(
                            { base: line, body: { payment } },
                            {
                              onSuccess: () => {
                                setPaying(null);
                                onChanged(t('association:dues.paymentRecorded', { name }));
                              },
                            },
                          )
                        }
                      />
                    ) : line.payment ? (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('association:dues.undoFor', { name })}
                        disabled={update.isPending}
                        onClick={() => {
                          update.reset();
                          setUndoing(line);
                        }}
                      >
                        {t('association:dues.undo')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('association:dues.recordFor', { name })}
                        onClick={() => {
                          update.reset();
                          setPaying(line.id);
                        }}
                      >
                        {t('association:dues.record')}
                      </button>
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
          name={holderName(undoing.holder, locale)}
          payment={undoing.payment}
          pending={update.isPending}
          error={update.error}
          conflict={<PaymentConflict edit={update} />}
          onCancel={() => setUndoing(null)}
          onConfirm={() => {
            const name = holderName(undoing.holder, locale);
            update.mutate(
              { base: undoing, body: { payment: null } },
              {
                onSuccess: (saved) => {
                  setUndoing(null);
                  // Still paid: the user kept the payment someone else recorded meanwhile.
                  if (!saved.payment) onChanged(t('association:dues.paymentUndone', { name }));
                },
              },
            );
          }}
        />
      )}
    </ResponsiveTable>
  );
}
