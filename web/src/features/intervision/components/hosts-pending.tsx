import { organisationName, type OrganisationRef } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';

/**
 * Each participant's organisation receives the group once and presents its service. With nobody
 * registered yet there is no one to wait for, and saying "all have hosted" would be untrue.
 */
export function HostsPending({
  organisations,
  anyParticipant,
}: {
  organisations: readonly OrganisationRef[];
  anyParticipant: boolean;
}) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="hosts-pending-title" data-testid="hosts-pending">
      <h2 id="hosts-pending-title">{t('hostsPending.title')}</h2>
      {organisations.length === 0 ? (
        <p className="muted">{t(anyParticipant ? 'hostsPending.none' : 'hostsPending.nobody')}</p>
      ) : (
        <>
          <p className="muted">{t('hostsPending.intro')}</p>
          <ul className="link-list">
            {[...organisations]
              .sort((a, b) => organisationName(a, locale).localeCompare(organisationName(b, locale), locale))
              .map((o) => (
                <li key={o.id}>
                  <Link to={`/directory/organisations/${o.id}`}>{organisationName(o, locale)}</Link>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
