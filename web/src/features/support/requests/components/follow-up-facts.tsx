import { organisationName, type SupportRequest } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personName } from '@/features/directory';
import { useReferenceItems } from '@/features/reference';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel } from '@/lib/bilingual';
import { formatDateTime, formatDay, formatNumber } from '@/lib/format';
import { promiseBadge, promiseState } from './follow-up-labels';

/** The request's own facts: when, how, the week's promise, its status. */
export function FollowUpFacts({ request }: { request: SupportRequest }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const promise = promiseState(request);
  const promiseText =
    'day' in promise
      ? t(`promise.${promise.kind}`, { day: formatDay(promise.day, locale) })
      : 'due' in promise
        ? t(`promise.${promise.kind}`, { due: formatDay(promise.due, locale) })
        : t('promise.closedUnanswered');
  return (
    <dl className="facts facts--row" data-testid="request-facts">
      <div>
        <dt>{t('facts.status')}</dt>
        <dd>{t(`statuses.${request.status}`)}</dd>
      </div>
      <div>
        <dt>{t('facts.received')}</dt>
        <dd>{formatDateTime(request.receivedAt, locale, { timeZone: 'Europe/Brussels' })}</dd>
      </div>
      <div>
        <dt>{t('facts.due')}</dt>
        <dd>{formatDay(request.dueOn, locale)}</dd>
      </div>
      <div>
        <dt>{t('facts.promise')}</dt>
        <dd>
          <span className={promiseBadge[promise.kind]} data-testid="request-promise">
            {promiseText}
          </span>
        </dd>
      </div>
      <div>
        <dt>{t('facts.channel')}</dt>
        <dd>{t(`channels.${request.channel}`)}</dd>
      </div>
    </dl>
  );
}

/** Who asked: a worker of the directory with their organisation's sectors of that day, or a non-professional to call back. */
export function FollowUpRequester({ request }: { request: SupportRequest }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const sectors = useReferenceItems('sector', { includeRetired: true });
  const { requester } = request;
  const sectorNames = requester.sectorIds
    .map((id) => sectors.data?.find((s) => s.id === id))
    .flatMap((s) => (s ? [pickLabel(s, locale)] : []))
    .join(', ');
  return (
    <section className="panel" aria-labelledby="requester-title">
      <h2 id="requester-title">{t('requester.title')}</h2>
      <dl className="facts" data-testid="request-requester">
        <dt>{t('requester.kind')}</dt>
        <dd>{t(`requesterKinds.${requester.kind}`)}</dd>
        {requester.kind === 'professional' ? (
          <>
            <dt>{t('requester.worker')}</dt>
            <dd>
              {requester.person ? (
                <Link to={`/directory/people/${requester.person.id}`}>{personName(requester.person)}</Link>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('requester.organisation')}</dt>
            <dd>
              {requester.organisation ? (
                <Link to={`/directory/organisations/${requester.organisation.id}`}>
                  {organisationName(requester.organisation, locale)}
                </Link>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('requester.sectors')}</dt>
            <dd>{sectorNames || '—'}</dd>
          </>
        ) : (
          <>
            <dt>{t('requester.name')}</dt>
            <dd>{requester.name ?? '—'}</dd>
            <dt>{t('requester.callBack')}</dt>
            <dd>{requester.callBack ?? '—'}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The person concerned, by code: initials, gender, age band, housing; never a name. */
export function FollowUpPerson({ request }: { request: SupportRequest }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const languageLabel = useLanguageLabel();
  const { person } = request;
  return (
    <section className="panel" aria-labelledby="person-title">
      <h2 id="person-title">{t('person.title')}</h2>
      <dl className="facts" data-testid="request-person">
        <dt>{t('person.code')}</dt>
        <dd className="mono">{person.code}</dd>
        <dt>{t('person.initials')}</dt>
        <dd>{person.initials ?? '—'}</dd>
        <dt>{t('person.gender')}</dt>
        <dd>{t(`genders.${person.gender}`)}</dd>
        <dt>{t('person.ageBand')}</dt>
        <dd>{t(`ageBands.${person.ageBand}`)}</dd>
        <dt>{t('person.housing')}</dt>
        <dd>{t(`housing.${person.housing}`)}</dd>
        <dt>{t('person.language')}</dt>
        <dd>{person.language ? languageLabel(person.language) : '—'}</dd>
      </dl>
      <p className="muted">
        {t('person.requests', { count: person.requests, formatted: formatNumber(person.requests, locale) })}
      </p>
    </section>
  );
}

/** A language kept by its code, named from the reference list in the user's language (the code while it loads). */
export function useLanguageLabel() {
  const locale = useLocale();
  const languages = useReferenceItems('language', { includeRetired: true });
  return (code: string): string => {
    const item = languages.data?.find((l) => l.code === code);
    return item ? pickLabel(item, locale) : code;
  };
}
