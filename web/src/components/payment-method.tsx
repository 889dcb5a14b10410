import { toCents, type Payment } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';

/**
 * A paid record's payment method in a table cell (dues, intervision fees): its FR/NL name, "not
 * recorded" for a payment kept before the method was (decision 19), a dash when unpaid; and, when
 * what was paid differs from what was owed, the amount paid below it.
 */
export function PaymentMethodCell({ payment, owed }: { payment: Payment | null; owed: string }) {
  const { t } = useTranslation('common');
  const locale = useLocale();
  if (!payment) return <td>{t('none')}</td>;
  const differs = toCents(payment.amount) !== toCents(owed);
  return (
    <td>
      {t(payment.method ? `payment.methods.${payment.method}` : 'payment.methodNotRecorded')}
      {differs && (
        <span className="table__sub">
          {t('payment.paidAmount', { amount: formatAmount(payment.amount, locale) })}
        </span>
      )}
    </td>
  );
}
