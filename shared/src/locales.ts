/** The SPA's and the API's languages; without TypeBox, for the SPA's first load (common.ts re-exports it). */
export const LOCALES = ['fr', 'nl'] as const;
