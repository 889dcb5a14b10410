import { hostLocation } from '@smes/shared';
import type { HostAddress, Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { isNotFound } from '@/lib/api-client';
import { i18next } from '@/lib/i18n';
import { personName } from '@/features/directory';
import { useCycleSchedule } from '../api/get-cycle-schedule';
import { scheduleFee, scheduleLine, scheduleSections, scheduleSessions } from '../components/schedule';
import type { ScheduleGroup } from '../components/schedule';

/** The sheet's wording in one language, whatever the UI speaks. */
function fixed(locale: Locale) {
  const t = i18next.getFixedT(locale, 'intervision');
  return (key: string, options?: Record<string, unknown>) => t(key as 'schedule.title', options);
}

/**
 * The schedule Smes sends to its network: French and Dutch side by side on one sheet, whatever
 * the language of the screen, laid out as the newsletter has it. The print stylesheet keeps
 * only the sheet.
 */
export function SchedulePage() {
  const { t } = useTranslation('intervision');
  const { id = '' } = useParams();
  const schedule = useCycleSchedule(id);
  const fr = fixed('fr');
  const nl = fixed('nl');
  const both = (key: string, options?: Record<string, unknown>) =>
    `${fr(key, options)} / ${nl(key, options)}`;
  useDocumentTitle(
    schedule.data ? both('schedule.title', { name: schedule.data.cycle.name }) : t('cycles.title'),
  );

  if (schedule.isPending) return <FullPageLoading />;
  if (schedule.isError) {
    if (isNotFound(schedule.error)) return <NotFoundPage />;
    return <ErrorAlert error={schedule.error} />;
  }
  const { cycle } = schedule.data;
  const hosts = new Map(schedule.data.hosts.map((h) => [h.id, h]));
  const sections = scheduleSections(schedule.data);
  const kinds = [...new Set(sections.map((s) => s.kind))];

  return (
    <article className="print-sheet schedule" data-testid="cycle-schedule">
      <div className="page-header no-print">
        <Link to={`/intervision/cycles/${id}`}>{t('group.backTo', { name: cycle.name })}</Link>
        <button type="button" className="button--primary" onClick={() => window.print()}>
          {t('schedule.print')}
        </button>
      </div>
      <header className="schedule__header">
        <h1 lang="fr">{fr('schedule.title', { name: cycle.name })}</h1>
        <p className="schedule__title-nl" lang="nl">
          {nl('schedule.title', { name: cycle.name })}
        </p>
      </header>
      <section aria-labelledby="schedule-fees">
        <h2 id="schedule-fees">{both('schedule.fees')}</h2>
        <ul className="schedule__list">
          <li>
            {scheduleFee(cycle.memberFee)} ({both('schedule.members')})
          </li>
          <li>
            {scheduleFee(cycle.nonMemberFee)} ({both('schedule.nonMembers')})
          </li>
        </ul>
      </section>
      {sections.length === 0 && <p className="muted">{both('schedule.empty')}</p>}
      {kinds.map((kind) => (
        <section key={kind} aria-label={both(`schedule.kinds.${kind}`)}>
          {kind !== 'intersectoral' && <h2>{both(`schedule.kinds.${kind}`)}</h2>}
          {sections
            .filter((s) => s.kind === kind)
            .map((section) => (
              <div key={section.language} className="schedule__section">
                <h3>{both(`schedule.groupsIn.${section.language}`, { count: section.groups.length })}</h3>
                <ul className="schedule__list">
                  {section.groups.map((item) => (
                    <li key={item.group.id}>
                      <span data-testid="schedule-line">
                        <span lang="fr">{scheduleLine(fr, 'fr', item)}</span>
                        {' / '}
                        <span lang="nl">{scheduleLine(nl, 'nl', item)}</span>.
                      </span>
                      <ScheduleDetails item={item} hosts={hosts} fr={fr} nl={nl} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </section>
      ))}
    </article>
  );
}

/** Under a group's line: who facilitates it, and where each session is held (host's address). */
function ScheduleDetails({
  item,
  hosts,
  fr,
  nl,
}: {
  item: ScheduleGroup;
  hosts: Map<string, HostAddress>;
  fr: ReturnType<typeof fixed>;
  nl: ReturnType<typeof fixed>;
}) {
  const names = item.group.facilitators.map(personName);
  const places = scheduleSessions(item).flatMap(({ day, hostId }) => {
    const host = hostId ? hosts.get(hostId) : undefined;
    if (!host) return [];
    const [inFr, inNl] = [hostLocation(host, 'fr'), hostLocation(host, 'nl')];
    return [{ day, where: inFr === inNl ? inFr : `${inFr} / ${inNl}` }];
  });
  return (
    <>
      {names.length > 0 && (
        <p className="schedule__detail" data-testid="schedule-facilitators">
          {fr('schedule.facilitators', { names: joinNames(names, fr('schedule.and')) })}
          {' / '}
          {nl('schedule.facilitators', { names: joinNames(names, nl('schedule.and')) })}
        </p>
      )}
      {places.length > 0 && (
        <ul className="schedule__detail" data-testid="schedule-hosts">
          {places.map((p) => (
            <li key={p.day}>
              {p.day}: {p.where}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function joinNames(names: string[], and: string): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}
