import type { DuesLine } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { usePaymentActions } from '@/components/payment-actions';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { PaymentMethodCell } from '@/components/payment-method';
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
  const payments = usePaymentActions({
    edit: useEditConflict(useUpdateDues()),
    nameOf: (line: DuesLine) => holderName(line.holder, locale),
    draft: (line) => ({ id: 'dues-payment', recordId: line.id }),
    onRecorded: (name) => onChanged(t('association:dues.paymentRecorded', { name })),
    onUndone: (name) => onChanged(t('association:dues.paymentUndone', { name })),
    resetOnCancel: true,
  });
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
                    {payments.isPaying(line)
                      ? payments.form(line, line.amountDue)
                      : payments.button(
                          line,
                          {
                            record: t('association:dues.record'),
                            recordFor: t('association:dues.recordFor', { name }),
                            undo: t('association:dues.undo'),
                            undoFor: t('association:dues.undoFor', { name }),
                          },
                          payments.isPending,
                        )}
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
