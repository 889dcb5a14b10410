/** The SPA's and the API's languages; without TypeBox, for the SPA's first load (common.ts re-exports it). */
export const LOCALES = ['fr', 'nl'] as const;

/**
 * The cookie that tells the server the language chosen on a device (the SPA writes it with its
 * own copy in localStorage), so the sign-in page arrives already written in it.
 */
export const LOCALE_COOKIE = 'smes_locale';
