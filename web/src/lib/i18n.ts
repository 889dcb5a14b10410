import { LOCALE_COOKIE, LOCALES } from '@smes/shared';
import type { Locale } from '@smes/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { signInResources } from '../locales/sign-in';

/** The language chosen on this device, so the sign-in page speaks it before anyone signs in. */
const STORAGE_KEY = 'smes.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** First visit: Dutch for a Dutch browser, French otherwise (the association's first language). */
export function localeFromBrowser(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('nl') ? 'nl' : 'fr';
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage can be disabled; the browser's language still works
  }
}

export function initialLocale(): Locale {
  return readStoredLocale() ?? localeFromBrowser(navigator.language);
}

export function currentLocale(): Locale {
  return isLocale(i18next.resolvedLanguage) ? i18next.resolvedLanguage : 'fr';
}

/**
 * The same choice as a cookie, for the server: it sends the sign-in page already written in this
 * language (see features/auth/prerender). A preference, not a secret: readable by the page.
 */
function writeLocaleCookie(locale: Locale) {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax${secure}`;
}

/** Switches the UI language and remembers it on this device. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // see readStoredLocale
  }
  writeLocaleCookie(locale);
  if (i18next.resolvedLanguage !== locale) await i18next.changeLanguage(locale);
}

/** The sign-in page's wording in `lng`: for the browser, and for the build that writes that page. */
export function signInI18nOptions(lng: Locale) {
  return {
    resources: signInResources,
    lng,
    fallbackLng: 'fr',
    supportedLngs: [...LOCALES],
    ns: Object.keys(signInResources.fr),
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  } as const;
}

export function initI18n() {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  // A choice stored before the cookie existed reaches the server from now on.
  const stored = readStoredLocale();
  if (stored && !document.cookie.includes(`${LOCALE_COOKIE}=${stored}`)) writeLocaleCookie(stored);
  return i18next.use(initReactI18next).init(signInI18nOptions(initialLocale()));
}

/** Adds wording loaded later (the signed-in screens' namespaces, see app/layout.tsx). */
export function addResources(bundles: Record<string, Record<string, object>>) {
  for (const [locale, namespaces] of Object.entries(bundles)) {
    for (const [ns, wording] of Object.entries(namespaces)) i18next.addResourceBundle(locale, ns, wording);
  }
}

export { i18next };
