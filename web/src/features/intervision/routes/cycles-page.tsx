import { useState } from 'react';
import { can } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useCurrentUser } from '@/hooks/use-session';
import { useCycles } from '../api/get-cycles';
import { CycleForm } from '../components/cycle-form';
import { CyclesTable } from '../components/cycles-table';
import { RetentionPanel } from '../components/retention-panel';
import { useReopenDraft } from '@/lib/drafts';

export function CyclesPage() {
  const { t } = useTranslation('intervision');
  useDocumentTitle(t('cycles.title'));
  const user = useCurrentUser();
  const navigate = useNavigate();
  const cycles = useCycles();
  const [adding, setAdding] = useState(false);
  useReopenDraft({ id: 'cycle' }, () => setAdding(true));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('cycles.title')}</h1>
          <p className="muted">{t('cycles.intro')}</p>
        </div>
        <div className="page-header__actions">
          <Link className="button" to="/intervision/figures">
            {t('periodFigures.link')}
          </Link>
          {can(user, 'intervision', 'create') && (
            <button
              type="button"
              className="button--primary"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              {t('cycles.add.open')}
            </button>
          )}
        </div>
      </div>
      {adding && (
        <section className="panel" aria-labelledby="new-cycle-title">
          <h2 id="new-cycle-title">{t('cycles.add.title')}</h2>
          <CycleForm
            onCancel={() => setAdding(false)}
            onSaved={(cycle) =>
              navigate(`/intervision/cycles/${cycle.id}`, {
                state: { feedback: t('cycles.add.done', { name: cycle.name }) },
              })
            }
          />
        </section>
      )}
      <section className="panel" aria-labelledby="cycles-title">
        <h2 id="cycles-title">{t('cycles.listTitle')}</h2>
        {cycles.isPending ? (
          <FullPageLoading />
        ) : cycles.isError ? (
          <ErrorAlert error={cycles.error} />
        ) : (
          <CyclesTable cycles={cycles.data.items} />
        )}
      </section>
      {can(user, 'intervision', 'delete') && <RetentionPanel />}
    </>
  );
}
