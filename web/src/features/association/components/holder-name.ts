import { type Holder, type Locale, organisationName } from '@smes/shared';
import { personName } from '@/features/directory';

/** An organisation's name in the user's language, or a person's name. */
export function holderName(holder: Holder, locale: Locale): string {
  if (holder.organisation) return organisationName(holder.organisation, locale);
  return holder.person ? personName(holder.person) : '';
}

/** Sorting by name as people read it (accents and case folded, in the user's language). */
export function byHolderName<T extends { holder: Holder }>(locale: Locale) {
  const collator = new Intl.Collator(locale === 'nl' ? 'nl-BE' : 'fr-BE', { sensitivity: 'base' });
  return (a: T, b: T) => collator.compare(holderName(a.holder, locale), holderName(b.holder, locale));
}
