import { useState } from 'react';
import { can, organisationName } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { ResponsiveTable } from '@/components/responsive-table';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { formatDay, formatNumber } from '@/lib/format';
import { useSupervisions } from '../api/get-supervisions';
import { SupervisionForm } from '../components/supervision-form';

const PAGE_SIZE = 50;

/** The teams Support supervises: each agreement, how many sessions were held, the next one. */
export function SupervisionsPage() {
  const { t } = useTranslation('supervisions');
  useDocumentTitle(t('title'));
  const user = useCurrentUser();
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const list = useSupervisions({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const [adding, setAdding] = useState(false);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        {can(user, 'support', 'create') && (
          <button
            type="button"
            className="button--primary"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
          >
            {t('form.open')}
          </button>
        )}
      </div>
      {adding && (
        <section className="panel" aria-labelledby="supervision-form-title">
          <h2 id="supervision-form-title">{t('form.title')}</h2>
          <SupervisionForm
            onCancel={() => setAdding(false)}
            onSaved={(s) => void navigate(`/support/supervisions/${s.id}`)}
          />
        </section>
      )}
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(search.trim() ? { q: search.trim() } : {});
        }}
      >
        <div className="field">
          <label htmlFor="supervision-search">{t('search.label')}</label>
          <input
            id="supervision-search"
            name="q"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button type="submit">{t('search.submit')}</button>
      </form>
      {list.isPending ? (
        <FullPageLoading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <section className="panel" aria-labelledby="supervisions-title">
          <h2 id="supervisions-title">{t('table.title')}</h2>
          <p data-testid="supervisions-total">
            {t('table.total', { count: list.data.total, n: formatNumber(list.data.total, locale) })}
          </p>
          {list.data.items.length > 0 && (
            <ResponsiveTable>
              <table
                className="table"
                data-testid="supervisions-table"
                aria-busy={list.isPlaceholderData || undefined}
              >
                <caption className="visually-hidden">{t('table.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.team')}</th>
                    <th scope="col">{t('table.startsOn')}</th>
                    <th scope="col">{t('table.held')}</th>
                    <th scope="col">{t('table.next')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={`/support/supervisions/${s.id}`}>{s.team}</Link>
                        <span className="table__sub">{organisationName(s.organisation, locale)}</span>
                      </th>
                      <td className="nowrap">{formatDay(s.startsOn, locale)}</td>
                      <td>
                        {s.plannedSessions === null
                          ? formatNumber(s.heldSessions, locale)
                          : t('table.heldOf', {
                              held: formatNumber(s.heldSessions, locale),
                              planned: formatNumber(s.plannedSessions, locale),
                            })}
                      </td>
                      <td className="nowrap">{s.nextSessionOn ? formatDay(s.nextSessionOn, locale) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ResponsiveTable>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPageChange={(p) => setParams({ ...(q ? { q } : {}), page: String(p) })}
          />
        </section>
      )}
    </>
  );
}
