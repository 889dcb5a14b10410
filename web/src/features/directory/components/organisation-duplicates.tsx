import { organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { useOrganisationDuplicates } from '../api/get-organisation-duplicates';

/**
 * While a new organisation's name is typed: the ones already in the directory that look like
 * it (`DIOGÈNES` for `Diogenes asbl`). A warning only; creating stays allowed.
 */
export function OrganisationDuplicates({ nameFr, nameNl }: { nameFr: string; nameNl: string }) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const [first, second] = [nameFr.trim(), nameNl.trim()].filter(Boolean);
  const name = useDebouncedValue(first ?? '', 400);
  const otherName = useDebouncedValue(second ?? '', 400);
  const duplicates = useOrganisationDuplicates(name, otherName);
  const items = name ? (duplicates.data ?? []) : [];

  return (
    <div aria-live="polite" className="form__wide">
      {items.length > 0 && (
        <section className="alert alert--warning" aria-labelledby="org-duplicates-title">
          <h2 id="org-duplicates-title" className="alert__title">
            {t('organisation.duplicates.title')}
          </h2>
          <p>{t('organisation.duplicates.intro')}</p>
          <ul data-testid="organisation-duplicates">
            {items.map((org) => (
              <li key={org.id}>
                <Link to={`/directory/organisations/${org.id}`} target="_blank" rel="noopener">
                  {organisationName(org, locale)}
                </Link>
                {org.commune && <span className="muted"> · {pickLabel(org.commune, locale)}</span>}{' '}
                <span className="visually-hidden">{t('organisation.duplicates.newTab')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
