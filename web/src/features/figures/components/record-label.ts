import type { FigureRecordItem, Locale } from '@smes/shared';
import { formatDay } from '@/lib/format';

type Name = FigureRecordItem['name'];

/** A FR/NL name in the screen's language, else the other one. */
export function localName(name: Name, locale: Locale): string | null {
  if (name === null || typeof name === 'string') return name;
  return (locale === 'nl' ? (name.nl ?? name.fr) : (name.fr ?? name.nl)) ?? null;
}

/**
 * How a record behind a figure reads, in the screen's language: a registration as
 * "organisation – person" (`removed` once retention took the person away), a session as
 * "date – group", a dated record with its date, others by name.
 */
export function recordLabel(item: FigureRecordItem, locale: Locale, removed: string): string {
  const name = localName(item.name, locale);
  switch (item.kind) {
    case 'intervision_registration': {
      const organisation = item.organisation ? localName(item.organisation.name, locale) : null;
      // Registrations come in the order of their organisation (then the person's): it leads.
      return [organisation, name ?? removed].filter(Boolean).join(' – ');
    }
    case 'intervision_session':
      return `${item.date ? formatDay(item.date, locale) : ''} – ${item.group?.name ?? name ?? ''}`;
    case 'support_request': {
      // A request or one of its interventions: its day, its code, the requester's organisation.
      const organisation = item.organisation ? localName(item.organisation.name, locale) : null;
      return [item.date ? formatDay(item.date, locale) : null, name, organisation]
        .filter(Boolean)
        .join(' – ');
    }
    case 'representation_meeting':
      return [item.date ? formatDay(item.date, locale) : null, name, item.detail].filter(Boolean).join(' – ');
    default:
      return name ?? removed;
  }
}
