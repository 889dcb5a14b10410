import { useTranslation } from 'react-i18next';

/**
 * What the API says but does not refuse (a facilitator pair that is incomplete or not social +
 * mental health), in the user's language; a code this screen does not know yet still shows.
 */
export function GroupWarnings({
  warnings,
  compact = false,
}: {
  warnings: readonly string[];
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('intervision');
  if (warnings.length === 0) return null;
  const text = (code: string) => {
    const known = i18n.exists(`intervision:warnings.${code}`);
    return known ? t(`warnings.${code}` as 'warnings.facilitatorPairSectors') : t('warnings.other', { code });
  };
  if (compact) {
    return (
      <ul className="plain-list">
        {warnings.map((code) => (
          <li key={code}>
            <span className="badge badge--warning">{text(code)}</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="alert alert--warning" role="note" data-testid="group-warnings">
      <p className="alert__title">{t('warnings.title')}</p>
      <ul>
        {warnings.map((code) => (
          <li key={code}>{text(code)}</li>
        ))}
      </ul>
    </div>
  );
}
