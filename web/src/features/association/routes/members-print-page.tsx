import type { Membership } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { pickLabel, today } from '@/lib/bilingual';
import { formatDay } from '@/lib/format';
import { useAllMembers } from '../api/get-all-members';
import { byHolderName, holderName } from '../components/holder-name';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The member list for the general assembly's table: organisations, then individuals, in the
 * user's language (the FR/NL switch redraws it). The print stylesheet drops the app around it.
 */
export function MembersPrintPage() {
  const { t } = useTranslation('association');
  const locale = useLocale();
  const [params] = useSearchParams();
  const param = params.get('on');
  const on = param && DAY.test(param) ? param : today();
  const members = useAllMembers(on);
  const title = t('print.title', { day: formatDay(on, locale) });
  useDocumentTitle(title);

  const sorted = [...(members.data ?? [])].sort(byHolderName<Membership>(locale));
  const organisations = sorted.filter((m) => m.holder.kind === 'organisation');
  const people = sorted.filter((m) => m.holder.kind === 'person');

  return (
    <article className="print-sheet" data-testid="members-print">
      <div className="page-header no-print">
        <Link to="/association/members">{t('print.back')}</Link>
        <button type="button" className="button--primary" onClick={() => window.print()}>
          {t('print.print')}
        </button>
      </div>
      <h1>{title}</h1>
      <p className="muted">{t('print.association')}</p>
      {members.isPending ? (
        <FullPageLoading />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : (
        <>
          <section aria-labelledby="print-organisations">
            <h2 id="print-organisations">{t('print.organisations', { count: organisations.length })}</h2>
            {organisations.length === 0 ? (
              <p className="muted">{t('print.none')}</p>
            ) : (
              <ol className="print-list">
                {organisations.map((m) => (
                  <li key={m.id}>
                    <strong>{holderName(m.holder, locale)}</strong>
                    {m.sectors.length > 0 && (
                      <span className="muted">
                        {' '}
                        — {m.sectors.map((s) => pickLabel(s, locale)).join(', ')}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="print-people">
            <h2 id="print-people">{t('print.people', { count: people.length })}</h2>
            {people.length === 0 ? (
              <p className="muted">{t('print.none')}</p>
            ) : (
              <ol className="print-list">
                {people.map((m) => (
                  <li key={m.id}>
                    <strong>{holderName(m.holder, locale)}</strong>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </article>
  );
}
