import { organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useLocale } from '@/hooks/use-locale';
import { usePersonDuplicates } from '../api/get-person-duplicates';
import { personName } from './person-name';

interface PersonDuplicatesProps {
  firstName: string;
  lastName: string;
  email: string;
}

/** People already in the directory with this name or e-mail: a warning, not a refusal. */
export function PersonDuplicates(props: PersonDuplicatesProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  // Strings, not an object: a fresh object each render would never settle.
  const firstName = useDebouncedValue(props.firstName.trim(), 400);
  const lastName = useDebouncedValue(props.lastName.trim(), 400);
  const email = useDebouncedValue(props.email.trim(), 400);
  const input = { firstName, lastName, email };
  const duplicates = usePersonDuplicates(input);
  const items = input.firstName && input.lastName ? (duplicates.data ?? []) : [];

  return (
    <div aria-live="polite" className="form__wide">
      {items.length > 0 && (
        <section className="alert alert--warning" aria-labelledby="person-duplicates-title">
          <h2 id="person-duplicates-title" className="alert__title">
            {t('person.duplicates.title')}
          </h2>
          <p>{t('person.duplicates.intro')}</p>
          <ul data-testid="person-duplicates">
            {items.map((person) => (
              <li key={person.id}>
                <Link to={`/directory/people/${person.id}`} target="_blank" rel="noopener">
                  {personName(person)}
                </Link>
                {[person.email, ...person.organisations.map((o) => organisationName(o, locale))]
                  .filter(Boolean)
                  .map((detail) => (
                    <span key={detail} className="muted">
                      {' '}
                      · {detail}
                    </span>
                  ))}{' '}
                <span className="visually-hidden">{t('person.duplicates.newTab')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
