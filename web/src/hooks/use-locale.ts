import type { Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { isLocale } from '@/lib/i18n';

/** The UI language, re-rendering on change, for Intl formatting. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'fr';
}
