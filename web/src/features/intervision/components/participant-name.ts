import { type Locale, organisationName, type Registration } from '@smes/shared';
import { personName } from '@/features/directory';

/** The person, or null once the retention job has removed them from an ended cycle. */
export function participantName(registration: Pick<Registration, 'person'>): string | null {
  return registration.person ? personName(registration.person) : null;
}

/** "Sofie Claes (Maison d'accueil X)": the label of a checkbox or a button. */
export function participantLabel(
  registration: Pick<Registration, 'person' | 'organisation'>,
  locale: Locale,
  removed: string,
): string {
  return `${participantName(registration) ?? removed} (${organisationName(registration.organisation, locale)})`;
}

const STATUS_ORDER: Registration['status'][] = ['registered', 'waiting', 'withdrawn'];

/** Registered first, then the waiting list in its order, then those who withdrew. */
export function byRegistrationOrder(a: Registration, b: Registration): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    a.registeredOn.localeCompare(b.registeredOn)
  );
}
