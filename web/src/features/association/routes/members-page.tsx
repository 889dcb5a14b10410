import { useState } from 'react';
import { can } from '@smes/shared';
import type { MemberListQuery, Membership } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useMembers } from '../api/get-members';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { EditConflict } from '@/components/edit-conflict';
import { useUpdateMember } from '../api/update-member';
import { AddMemberForm } from '../components/add-member-form';
import { EndPeriodDialog } from '../components/end-period-dialog';
import { holderName } from '../components/holder-name';
import { MemberFilters } from '../components/member-filters';
import type { MemberFilterValues } from '../components/member-filters';
import { MembersTable } from '../components/members-table';
import { SectorSummary } from '../components/sector-summary';
import { useReopenDraft } from '@/lib/drafts';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day and filters live in the URL: "members on 31/12/2024" can be shared and reloaded. */
function readQuery(params: URLSearchParams): MemberListQuery & { on: string } {
  const on = params.get('on');
  const kind = params.get('kind');
  const sectorId = params.get('sectorId');
  const page = Number(params.get('page'));
  return {
    on: on && DAY.test(on) ? on : today(),
    kind: kind === 'organisation' || kind === 'person' ? kind : undefined,
    sectorId: sectorId && UUID.test(sectorId) ? sectorId : undefined,
    q: params.get('q')?.slice(0, 200) || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: MemberListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.on && query.on !== today()) out.on = query.on;
  for (const key of ['kind', 'sectorId', 'q'] as const) {
    const value = query[key];
    if (value) out[key] = value;
  }
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

export function MembersPage() {
  const { t } = useTranslation('association');
  useDocumentTitle(t('members.title'));
  const locale = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const members = useMembers(query);
  const update = useEditConflict(useUpdateMember());
  const [adding, setAdding] = useState(false);
  useReopenDraft({ id: 'member' }, () => setAdding(true));
  const [ending, setEnding] = useState<Membership | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const canCreate = can(user, 'membership', 'create');
  const canUpdate = can(user, 'membership', 'update');

  const onFilters = (filters: MemberFilterValues) => setParams(writeQuery({ ...query, ...filters, page: 1 }));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('members.title')}</h1>
          <p className="muted">{t('members.intro')}</p>
        </div>
        <div className="page-header__actions">
          <Link
            className="button"
            to={`/association/members/print${query.on !== today() ? `?on=${query.on}` : ''}`}
          >
            {t('members.printLink')}
          </Link>
          {canCreate && (
            <button
              type="button"
              className="button--primary"
              aria-expanded={adding}
              onClick={() => setAdding(!adding)}
            >
              {t('members.add.open')}
            </button>
          )}
        </div>
      </div>

      {adding && (
        <section className="panel" aria-labelledby="add-member-title">
          <h2 id="add-member-title">{t('members.add.title')}</h2>
          <AddMemberForm
            onCancel={() => setAdding(false)}
            onAdded={(name) => {
              setAdding(false);
              setFeedback(t('members.add.done', { name }));
            }}
          />
        </section>
      )}

      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>

      <MemberFilters key={query.q ?? ''} value={query} onChange={onFilters} />

      {members.isPending ? (
        <FullPageLoading />
      ) : members.isError ? (
        <ErrorAlert error={members.error} />
      ) : (
        <>
          <MembersTable
            members={members.data.items}
            busy={members.isPlaceholderData}
            canEnd={canUpdate}
            onEnd={(m) => {
              update.reset();
              setEnding(m);
            }}
          />
          <Pagination
            page={members.data.page}
            pageSize={members.data.pageSize}
            total={members.data.total}
            onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
          />
        </>
      )}

      <SectorSummary on={query.on} />

      {ending && (
        <EndPeriodDialog
          title={t('members.endTitle')}
          body={t('members.endBody', { name: holderName(ending.holder, locale) })}
          startsOn={ending.startsOn}
          busy={update.isPending}
          error={update.error}
          conflict={<EditConflict edit={update} label={() => t('end.endsOn')} />}
          fieldError={isApiError(update.error) ? update.error.fieldError('endsOn') : null}
          onCancel={() => setEnding(null)}
          onConfirm={(endsOn) =>
            update.mutate(
              { base: ending, body: { endsOn } },
              {
                onSuccess: () => {
                  setFeedback(t('members.ended', { name: holderName(ending.holder, locale) }));
                  setEnding(null);
                },
              },
            )
          }
        />
      )}
    </>
  );
}
