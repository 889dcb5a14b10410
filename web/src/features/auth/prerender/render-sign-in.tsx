/**
 * Build time only (vite.config.ts, `prerenderSignIn`): the sign-in page in each language, as
 * static HTML, from the same components the app renders, so the two never drift apart.
 */
import { LOCALES } from '@smes/shared';
import type { Locale } from '@smes/shared';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { signInI18nOptions } from '@/lib/i18n';
import { LoginPage } from '../routes/login-page';
import { PRERENDERED_ID } from './static-sign-in';

export interface PrerenderedSignIn {
  locale: Locale;
  /** The document's title, as the page sets it once running. */
  title: string;
  /** The element to put before the app's root: the page, its buttons disabled until the app runs. */
  html: string;
}

export async function renderSignInPages(): Promise<PrerenderedSignIn[]> {
  const pages: PrerenderedSignIn[] = [];
  for (const locale of LOCALES) {
    const i18n = createInstance();
    await i18n.use(initReactI18next).init(signInI18nOptions(locale));
    const markup = renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/login']}>
          <LoginPage prerendering />
        </MemoryRouter>
      </I18nextProvider>,
    );
    pages.push({
      locale,
      title: `${i18n.t('auth:login.title')} · ${i18n.t('common:appName')}`,
      html: `<div id="${PRERENDERED_ID}">${markup}</div>`,
    });
  }
  return pages;
}
