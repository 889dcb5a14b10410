import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { ResponsiveTable } from '@/components/responsive-table';
import { localName, useFigureBreakdown, useFigureValues } from '@/features/figures';
import { useLocale } from '@/hooks/use-locale';
import { formatDay, formatNumber } from '@/lib/format';

const ORGANISATIONS = 'association.members.organisations';
const PEOPLE = 'association.members.people';

/** Members per sector on the day (the engine's figures for that one day): an organisation in two sectors counts in both. */
export function SectorSummary({ on }: { on: string }) {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const day = { from: on, to: on };
  const values = useFigureValues(day, [ORGANISATIONS, PEOPLE]);
  const bySector = useFigureBreakdown(ORGANISATIONS, 'sector', day);
  const collator = new Intl.Collator(locale === 'nl' ? 'nl-BE' : 'fr-BE');
  const value = (id: string) => values.data?.values.find((v) => v.id === id)?.value ?? 0;
  const organisations = value(ORGANISATIONS);
  const people = value(PEOPLE);
  const rows = (bySector.data?.rows ?? [])
    .map((row) => ({ ...row, name: localName(row.label, locale) ?? '' }))
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <section className="panel" aria-labelledby="by-sector-title" data-testid="members-by-sector">
      <h2 id="by-sector-title">{t('bySector.title', { day: formatDay(on, locale) })}</h2>
      {values.isError && <ErrorAlert error={values.error} />}
      {bySector.isError && <ErrorAlert error={bySector.error} />}
      {values.data && bySector.data && (
        <>
          <p>
            {t('bySector.totals', {
              organisations: t('bySector.organisationCount', {
                count: organisations,
                n: formatNumber(organisations, locale),
              }),
              people: t('bySector.personCount', { count: people, n: formatNumber(people, locale) }),
            })}
          </p>
          {rows.length > 0 && (
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
                  {rows.map((row) => (
                    <tr key={row.key}>
                      <th scope="row">{row.name}</th>
                      <td>{formatNumber(row.value, locale)}</td>
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
