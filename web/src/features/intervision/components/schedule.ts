import { GROUP_KINDS } from '@smes/shared';
import type { CycleSchedule, Group, Locale } from '@smes/shared';
import { formatHour, formatShortDay } from './weekdays';

export interface ScheduleGroup {
  group: Group;
  /** The days it meets, in order; cancelled sessions are left out of what is sent. */
  days: string[];
  /** The host of each of those days, if one is chosen. */
  hostIds: (string | null)[];
}

export interface ScheduleSection {
  kind: Group['kind'];
  language: Group['language'];
  groups: ScheduleGroup[];
}

/** Dutch-speaking groups first, as in the newsletter; then by weekday and hour. */
const LANGUAGE_ORDER: Group['language'][] = ['nl', 'fr'];

/** The schedule by kind of group, then by language: one heading each, as Smes sends it. */
export function scheduleSections(schedule: CycleSchedule): ScheduleSection[] {
  const groups = schedule.groups
    .map(({ group, sessions }) => {
      const kept = sessions
        .filter((s) => s.status !== 'cancelled')
        .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
      return { group, days: kept.map((s) => s.startsOn), hostIds: kept.map((s) => s.host?.id ?? null) };
    })
    .sort(
      (a, b) =>
        a.group.weekday - b.group.weekday ||
        a.group.startTime.localeCompare(b.group.startTime) ||
        a.group.name.localeCompare(b.group.name),
    );
  return GROUP_KINDS.flatMap((kind) =>
    LANGUAGE_ORDER.map((language) => ({
      kind,
      language,
      groups: groups.filter((g) => g.group.kind === kind && g.group.language === language),
    })),
  ).filter((section) => section.groups.length > 0);
}

/** Each day as the sheet writes it ("10/10/24") with its host. */
export function scheduleSessions({ days, hostIds }: ScheduleGroup): { day: string; hostId: string | null }[] {
  return days.map((day, i) => ({ day: formatShortDay(day), hostId: hostIds[i] ?? null }));
}

/** "10/10/24 – 7/11/24 – 12/12/24". */
export function scheduleDays(days: readonly string[]): string {
  return days.map((day) => formatShortDay(day)).join(' – ');
}

/** What a line needs from a translation: `schedule.line` and `schedule.weekdays.<n>`. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * One language's half of a group's line: "Les jeudis de 14h à 17h : 10/10/24 – 7/11/24" or
 * "Donderdagen van 14u tot 17u: 10/10/24 – 7/11/24".
 */
export function scheduleLine(
  t: Translate,
  locale: Locale,
  { group, days }: Pick<ScheduleGroup, 'group' | 'days'>,
): string {
  return t('schedule.line', {
    weekdays: t(`schedule.weekdays.${group.weekday}`),
    start: formatHour(group.startTime, locale),
    end: formatHour(group.endTime, locale),
    days: days.length ? scheduleDays(days) : t('schedule.noDays'),
  });
}

/** "120 €": whole euros without cents, as on the newsletter; "120,50 €" otherwise. */
export function scheduleFee(amount: string): string {
  const value = Number(amount);
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat('fr-BE', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}
