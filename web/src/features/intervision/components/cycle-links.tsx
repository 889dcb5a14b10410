import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The cycle's pages: its groups, its figures, the fees still to be paid, the printable schedule. */
export function CycleLinks({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation('intervision');
  const base = `/intervision/cycles/${cycleId}`;
  return (
    <nav className="subnav no-print" aria-label={t('cycle.sections')}>
      <ul>
        <li>
          <NavLink to={base} end>
            {t('cycle.groupsLink')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/figures`}>{t('cycle.figuresLink')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/unpaid`}>{t('cycle.unpaidLink')}</NavLink>
        </li>
        <li>
          <NavLink to={`${base}/schedule`}>{t('cycle.scheduleLink')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
