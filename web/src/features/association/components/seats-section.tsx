import type { GovernanceBody, Seat } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { personName } from '@/features/directory';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';
import { useSeats } from '../api/get-seats';
import { holderName } from './holder-name';
import { ResponsiveTable } from '@/components/responsive-table';

/** Chairs first, then the other officers, then the members: as the minutes list them. */
const ROLE_ORDER = ['co_chair', 'chair', 'treasurer', 'secretary', 'director', 'member'];

interface SeatsSectionProps {
  body: GovernanceBody;
  on: string;
  canEnd: boolean;
  onEnd: (seat: Seat) => void;
}

export function SeatsSection({ body, on, canEnd, onEnd }: SeatsSectionProps) {
  const { t } = useTranslation(['association', 'common']);
  const locale = useLocale();
  const seats = useSeats(body, on);
  const titleId = `seats-${body}`;
  const items = [...(seats.data?.items ?? [])].sort(
    (a, b) =>
      ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
      holderName(a.holder, locale).localeCompare(holderName(b.holder, locale), locale),
  );

  return (
    <section className="panel" aria-labelledby={titleId} data-testid={`seats-${body}`}>
      <h2 id={titleId}>
        {t(`association:bodies.${body}`)}{' '}
        {seats.data && <span className="muted">({seats.data.items.length})</span>}
      </h2>
      {seats.isError && <ErrorAlert error={seats.error} />}
      {seats.data &&
        (items.length === 0 ? (
          <p className="muted">{t('association:governance.empty')}</p>
        ) : (
          <ResponsiveTable>
            <table className="table">
              <caption className="visually-hidden">{t(`association:bodies.${body}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('association:governance.table.holder')}</th>
                  <th scope="col">{t('association:governance.table.representative')}</th>
                  <th scope="col">{t('association:governance.table.role')}</th>
                  <th scope="col">{t('association:governance.table.startsOn')}</th>
                  <th scope="col">{t('association:governance.table.endsOn')}</th>
                  {canEnd && <th scope="col">{t('association:governance.table.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((seat) => {
                  const name = holderName(seat.holder, locale);
                  return (
                    <tr key={seat.id}>
                      <th scope="row">{name}</th>
                      <td>{seat.representative ? personName(seat.representative) : t('common:none')}</td>
                      <td>{t(`association:roles.${seat.role}`)}</td>
                      <td>{formatDay(seat.startsOn, locale)}</td>
                      <td>{seat.endsOn ? formatDay(seat.endsOn, locale) : t('common:none')}</td>
                      {canEnd && (
                        <td>
                          {seat.endsOn === null && (
                            <button
                              type="button"
                              className="button--small"
                              aria-label={t('association:governance.endFor', { name })}
                              onClick={() => onEnd(seat)}
                            >
                              {t('association:governance.end')}
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ResponsiveTable>
        ))}
    </section>
  );
}
