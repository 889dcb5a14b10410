import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DuesLine } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useUpdateDues } from '../api/update-dues';
import { holderName } from './holder-name';
import { ResponsiveTable } from '@/components/responsive-table';
import { DraftForm } from '@/lib/drafts';

interface DuesTableProps {
  lines: readonly DuesLine[];
  busy: boolean;
  canUpdate: boolean;
  onChanged: (text: string) => void;
}

export function DuesTable({ lines, busy, canUpdate, onChanged }: DuesTableProps) {
  const { t } = useTranslation(['association', 'common']);
  const locale = useLocale();
  const update = useUpdateDues();
  const [paying, setPaying] = useState<string | null>(null);
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
                  <span className={line.paidOn ? 'badge badge--ok' : 'badge badge--muted'}>
                    {t(line.paidOn ? 'association:dues.paid' : 'association:dues.unpaid')}
                  </span>
                </td>
                <td>{line.paidOn ? formatDay(line.paidOn, locale) : t('common:none')}</td>
                <td>{line.paymentReference ?? t('common:none')}</td>
                {canUpdate && (
                  <td>
                    {paying === line.id ? (
                      <PaymentForm
                        line={line}
                        name={name}
                        onCancel={() => setPaying(null)}
                        onDone={() => {
                          setPaying(null);
                          onChanged(t('association:dues.paymentRecorded', { name }));
                        }}
                      />
                    ) : line.paidOn ? (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('association:dues.undoFor', { name })}
                        disabled={update.isPending}
                        onClick={() =>
                          update.mutate(
                            { base: line, body: { paidOn: null, paymentReference: null } },
                            { onSuccess: () => onChanged(t('association:dues.paymentUndone', { name })) },
                          )
                        }
                      >
                        {t('association:dues.undo')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button--small"
                        aria-label={t('association:dues.recordFor', { name })}
                        onClick={() => setPaying(line.id)}
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
      <ErrorAlert error={update.error} />
    </ResponsiveTable>
  );
}

interface PaymentFormProps {
  line: DuesLine;
  name: string;
  onDone: () => void;
  onCancel: () => void;
}

/** Paid on (today unless changed) and the bank statement's reference. */
function PaymentForm({ line, name, onDone, onCancel }: PaymentFormProps) {
  const { t } = useTranslation(['association', 'errors']);
  const update = useUpdateDues();
  const [paidOn, setPaidOn] = useState(today());
  const [reference, setReference] = useState('');
  const error = isApiError(update.error)
    ? (update.error.fieldError('paidOn') ?? update.error.fieldError('paymentReference'))
    : null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate(
      { base: line, body: { paidOn, paymentReference: reference.trim() || null } },
      { onSuccess: onDone },
    );
  };

  return (
    <DraftForm
      draft={{ id: 'dues-payment', recordId: line.id }}
      className="inline-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('association:dues.recordFor', { name })}
    >
      <label className="visually-hidden" htmlFor={`paid-${line.id}`}>
        {t('association:dues.paidOnFor', { name })}
      </label>
      <input
        id={`paid-${line.id}`}
        type="date"
        required
        value={paidOn}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setPaidOn(e.target.value)}
      />
      <label className="visually-hidden" htmlFor={`ref-${line.id}`}>
        {t('association:dues.referenceFor', { name })}
      </label>
      <input
        id={`ref-${line.id}`}
        maxLength={140}
        placeholder={t('association:dues.referencePlaceholder')}
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
      <button type="submit" className="button--small button--primary" disabled={!paidOn || update.isPending}>
        {t('association:dues.save')}
      </button>
      <button type="button" className="button--small" onClick={onCancel}>
        {t('association:cancel')}
      </button>
      {error ? (
        <p className="field__error">{t(`errors:fieldErrors.${error}`)}</p>
      ) : (
        <ErrorAlert error={update.error} />
      )}
    </DraftForm>
  );
}
