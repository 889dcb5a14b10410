import type { Organisation } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useReferenceItems } from '@/features/reference';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { formatDateTime, formatDay } from '@/lib/format';

/** A typed website becomes a link only over http(s): never `javascript:` or the like. */
function websiteHref(website: string): string | null {
  if (/^https?:\/\//i.test(website)) return website;
  if (/^[a-z][a-z0-9+.-]*:/i.test(website)) return null;
  return `https://${website}`;
}

export function OrganisationFacts({ organisation: org }: { organisation: Organisation }) {
  const { t } = useTranslation(['directory', 'common']);
  const locale = useLocale();
  const languages = useReferenceItems('language', { includeRetired: true });
  const none = t('common:none');
  const labels = (refs: Organisation['sectors']) =>
    refs.length ? refs.map((r) => pickLabel(r, locale)).join(', ') : none;
  const languageLabel = (code: string) => {
    const item = languages.data?.find((l) => l.code === code);
    return item ? pickLabel(item, locale) : code;
  };
  const href = org.website && websiteHref(org.website);
  const place = [org.postalCode, org.city].filter(Boolean).join(' ');

  return (
    <div className="columns">
      <section className="panel" aria-labelledby="org-contact-title">
        <h2 id="org-contact-title">{t('directory:organisation.detail.contact')}</h2>
        <dl className="facts">
          <dt>{t('directory:organisation.fields.address')}</dt>
          <dd>
            {org.street || place ? (
              <>
                {org.street}
                {org.street && place && <br />}
                {place}
              </>
            ) : (
              none
            )}
          </dd>
          <dt>{t('directory:organisation.fields.commune')}</dt>
          <dd>{org.commune ? pickLabel(org.commune, locale) : none}</dd>
          <dt>{t('directory:organisation.fields.phone')}</dt>
          <dd>{org.phone ? <a href={`tel:${org.phone.replace(/[^+\d]/g, '')}`}>{org.phone}</a> : none}</dd>
          <dt>{t('directory:organisation.fields.email')}</dt>
          <dd>{org.email ? <a href={`mailto:${org.email}`}>{org.email}</a> : none}</dd>
          <dt>{t('directory:organisation.fields.website')}</dt>
          <dd>
            {org.website ? (
              href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {org.website}
                </a>
              ) : (
                org.website
              )
            ) : (
              none
            )}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="org-classification-title">
        <h2 id="org-classification-title">{t('directory:organisation.detail.classification')}</h2>
        <dl className="facts" data-testid="organisation-classification">
          <dt>{t('directory:organisation.fields.sectors')}</dt>
          <dd>{labels(org.sectors)}</dd>
          <dt>{t('directory:organisation.fields.types')}</dt>
          <dd>{labels(org.types)}</dd>
          <dt>{t('directory:organisation.fields.languages')}</dt>
          <dd>{org.languages.length ? org.languages.map(languageLabel).join(', ') : none}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="org-other-title">
        <h2 id="org-other-title">{t('directory:organisation.detail.other')}</h2>
        <dl className="facts">
          <dt>{t('directory:organisation.fields.closedOn')}</dt>
          <dd>{org.closedOn ? formatDay(org.closedOn, locale) : none}</dd>
          <dt>{t('directory:organisation.fields.externalRef')}</dt>
          <dd>{org.externalRef ?? none}</dd>
          <dt>{t('directory:organisation.fields.updatedAt')}</dt>
          <dd>{formatDateTime(org.updatedAt, locale)}</dd>
          <dt>{t('directory:organisation.fields.notes')}</dt>
          <dd className="prewrap">{org.notes ?? none}</dd>
        </dl>
      </section>
    </div>
  );
}
