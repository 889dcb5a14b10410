import { LOCALES } from '@smes/shared';
import type { Locale } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '@/lib/i18n';

interface LanguageSwitchProps {
  /** Called after the UI switched, e.g. to save the choice on the user's account. */
  onChange?: (locale: Locale) => void;
  /** In the sign-in page sent in the HTML, until the app runs and can switch. */
  disabled?: boolean;
}

/** Two buttons, each labelled in its own language, so anyone can find theirs. */
export function LanguageSwitch({ onChange, disabled = false }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation();
  const active = i18n.resolvedLanguage ?? currentLocale();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={active === locale}
          disabled={disabled}
          onClick={() => {
            if (active === locale) return;
            void setLocale(locale).then(() => onChange?.(locale));
          }}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
