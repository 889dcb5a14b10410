import { useState } from 'react';
import { POLES, ROLES } from '@smes/shared';
import type { User, UserListQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useErrorText } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useResetUserMfa } from '../api/reset-user-mfa';
import { useRevokeUserSessions } from '../api/revoke-user-sessions';
import { useUpdateUser } from '../api/update-user';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { EditConflict } from '@/components/edit-conflict';
import { isEditConflict } from '@/lib/versioned';
import { useUsers } from '../api/get-users';
import { CreateUserForm } from '../components/create-user-form';
import { EditUserPanel } from '../components/edit-user-panel';
import { UserFilters } from '../components/user-filters';
import type { UserFilterValues } from '../components/user-filters';
import { UsersTable } from '../components/users-table';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useReopenDraft } from '@/lib/drafts';

const PAGE_SIZE = 20;

/** Filters live in the URL, so a filtered page can be reloaded, shared and navigated back to. */
function readQuery(params: URLSearchParams): UserListQuery {
  const role = params.get('role');
  const pole = params.get('pole');
  const page = Number(params.get('page'));
  return {
    q: params.get('q') || undefined,
    role: ROLES.find((r) => r === role),
    pole: POLES.find((p) => p === pole),
    includeDisabled: params.get('includeDisabled') === 'true' || undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: UserListQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.q) out.q = query.q;
  if (query.role) out.role = query.role;
  if (query.pole) out.pole = query.pole;
  if (query.includeDisabled) out.includeDisabled = 'true';
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

type Feedback = { kind: 'success' | 'error'; text: string } | null;
type Panel = { kind: 'create' } | { kind: 'edit'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation('users');
  useDocumentTitle(t('title'));
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const users = useUsers(query);
  const updateUser = useEditConflict(useUpdateUser());
  const revokeSessions = useRevokeUserSessions();
  const resetMfa = useResetUserMfa();
  const [panel, setPanel] = useState<Panel>(null);
  useReopenDraft({ id: 'user' }, () => setPanel({ kind: 'create' }));
  const [feedback, setFeedback] = useState<Feedback>(null);

  const setQuery = (next: UserListQuery) => setParams(writeQuery(next));
  const onFilters = (filters: UserFilterValues) => setQuery({ ...query, ...filters, page: 1 });
  const fail = (error: unknown) => setFeedback({ kind: 'error', text: errorText(error) });

  const toggleDisabled = (user: User) =>
    updateUser.mutate(
      { base: user, body: { disabled: !user.disabled } },
      {
        onSuccess: (saved) =>
          setFeedback({
            kind: 'success',
            text: t(saved.disabled ? 'disabledDone' : 'enabledDone', { name: saved.displayName }),
          }),
        // Someone else disabled or enabled the account meanwhile: the panel below says so.
        onError: (error) => (isEditConflict(error) ? setFeedback(null) : fail(error)),
      },
    );

  // Signs the person out everywhere, losing what they had not saved: asked first.
  const [ending, setEnding] = useState<User | null>(null);
  const endSessions = (user: User) =>
    revokeSessions.mutate(user.id, {
      onSuccess: ({ revoked }) => {
        setEnding(null);
        setFeedback({
          kind: 'success',
          text: t('sessionsEnded', { count: revoked, name: user.displayName }),
        });
      },
      onError: (error) => {
        setEnding(null);
        fail(error);
      },
    });

  // A lost phone: the factor goes, the person is signed out and enrols again. Asked first.
  const [resetting, setResetting] = useState<User | null>(null);
  const resetSecondFactor = (user: User) =>
    resetMfa.mutate(user.id, {
      onSuccess: () => {
        setResetting(null);
        setFeedback({ kind: 'success', text: t('mfaResetDone', { name: user.displayName }) });
      },
      onError: (error) => {
        setResetting(null);
        fail(error);
      },
    });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <button
          type="button"
          className="button--primary"
          aria-expanded={panel?.kind === 'create'}
          onClick={() => setPanel(panel?.kind === 'create' ? null : { kind: 'create' })}
        >
          {t('create.open')}
        </button>
      </div>

      {panel?.kind === 'create' && (
        <section className="panel" aria-labelledby="create-user-title">
          <h2 id="create-user-title">{t('create.title')}</h2>
          <CreateUserForm
            onCancel={() => setPanel(null)}
            onCreated={(user) => {
              setPanel(null);
              setFeedback({ kind: 'success', text: t('create.done', { name: user.displayName }) });
              // The new account is shown, whatever page it would sort onto among the others.
              setQuery({ q: user.email, page: 1 });
            }}
          />
        </section>
      )}
      {panel?.kind === 'edit' && (
        <EditUserPanel
          key={panel.user.id}
          user={panel.user}
          onClose={() => setPanel(null)}
          onSaved={(user) => {
            setPanel(null);
            setFeedback({ kind: 'success', text: t('edit.done', { name: user.displayName }) });
          }}
        />
      )}

      <EditConflict
        edit={updateUser}
        label={() => t('table.status')}
        display={(_field, value) => t(value ? 'status.disabled' : 'status.active')}
      />
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className={`alert alert--${feedback.kind}`}>{feedback.text}</p>}
      </div>

      <UserFilters key={query.q ?? ''} value={query} onChange={onFilters} />

      {users.isPending ? (
        <FullPageLoading />
      ) : users.isError ? (
        <p className="alert alert--error" role="alert">
          {errorText(users.error)}
        </p>
      ) : (
        <>
          <UsersTable
            users={users.data.items}
            busy={updateUser.isPending || revokeSessions.isPending || resetMfa.isPending}
            onEdit={(user) => setPanel({ kind: 'edit', user })}
            onToggleDisabled={toggleDisabled}
            onEndSessions={setEnding}
            onResetMfa={setResetting}
          />
          <ConfirmDialog
            open={resetting !== null}
            title={t('actions.resetMfaFor', { name: resetting?.displayName ?? '' })}
            confirmLabel={t('actions.resetMfa')}
            cancelLabel={t('form.cancel')}
            busy={resetMfa.isPending}
            onConfirm={() => resetting && resetSecondFactor(resetting)}
            onCancel={() => setResetting(null)}
          >
            <p>{t('actions.resetMfaBody', { name: resetting?.displayName ?? '' })}</p>
          </ConfirmDialog>
          <ConfirmDialog
            open={ending !== null}
            title={t('actions.endSessionsFor', { name: ending?.displayName ?? '' })}
            confirmLabel={t('actions.endSessions')}
            cancelLabel={t('form.cancel')}
            busy={revokeSessions.isPending}
            onConfirm={() => ending && endSessions(ending)}
            onCancel={() => setEnding(null)}
          >
            <p>{t('actions.endSessionsBody', { name: ending?.displayName ?? '' })}</p>
          </ConfirmDialog>
          <Pagination
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onPageChange={(page) => setQuery({ ...query, page })}
          />
        </>
      )}
    </>
  );
}
