import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { formatDay, formatNumber } from '@/lib/format';
import { useMembersBySector } from '../api/get-members-by-sector';

/** Members per sector on the day: an organisation in two sectors counts in both. */
export function SectorSummary({ on }: { on: string }) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const summary = useMembersBySector(on);
  const collator = new Intl.Collator(locale === 'nl' ? 'nl-BE' : 'fr-BE');

  return (
    <section className="panel" aria-labelledby="by-sector-title" data-testid="members-by-sector">
      <h2 id="by-sector-title">{t('bySector.title', { day: formatDay(on, locale) })}</h2>
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data && (
        <>
          <p>
            {t('bySector.totals', {
              organisations: t('bySector.organisationCount', {
                count: summary.data.organisations,
                n: formatNumber(summary.data.organisations, locale),
              }),
              people: t('bySector.personCount', {
                count: summary.data.people,
                n: formatNumber(summary.data.people, locale),
              }),
            })}
          </p>
          {summary.data.sectors.length > 0 && (
            <ResponsiveTable>
              <table className="table">
                <caption className="visually-hidden">{t('bySector.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('bySector.sector')}</th>
                    <th scope="col">{t('bySector.organisations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...summary.data.sectors]
                    .sort((a, b) =>
                      collator.compare(pickLabel(a.sector, locale), pickLabel(b.sector, locale)),
                    )
                    .map((row) => (
                      <tr key={row.sector.id}>
                        <th scope="row">{pickLabel(row.sector, locale)}</th>
                        <td>{formatNumber(row.organisations, locale)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </ResponsiveTable>
          )}
          <p className="muted">{t('bySector.note')}</p>
        </>
      )}
    </section>
  );
}
