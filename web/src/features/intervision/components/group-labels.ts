import type { Group, Locale } from '@smes/shared';
import { personName } from '@/features/directory';
import { formatHours, weekdayName } from './weekdays';

/** "jeudi, 14h–17h" / "donderdag, 14u–17u". */
export function groupWhen(group: Pick<Group, 'weekday' | 'startTime' | 'endTime'>, locale: Locale): string {
  return `${weekdayName(group.weekday, locale)}, ${formatHours(group, locale)}`;
}

/** "Sofie Claes & Youssef Amrani", or the one there is. */
export function facilitatorNames(group: Pick<Group, 'facilitators'>): string {
  return group.facilitators.map(personName).join(' & ');
}
