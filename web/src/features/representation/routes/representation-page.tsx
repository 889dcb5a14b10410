import { useState } from 'react';
import { can } from '@smes/shared';
import type { RepresentationMeeting, RepresentationMeetingQuery } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { Pagination } from '@/components/pagination';
import { FullPageLoading } from '@/components/status-pages';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { formatDay, formatNumber } from '@/lib/format';
import { useDeleteMeeting } from '../api/delete-meeting';
import { useMeetings } from '../api/get-meetings';
import { MeetingForm } from '../components/meeting-form';
import { MeetingsTable } from '../components/meetings-table';
import { PeriodFilter } from '../components/period-filter';
import { YearCounts } from '../components/year-counts';
import { useReopenDraft } from '@/lib/drafts';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readQuery(params: URLSearchParams): RepresentationMeetingQuery {
  const day = (key: string) => {
    const value = params.get(key);
    return value && DAY.test(value) ? value : undefined;
  };
  const page = Number(params.get('page'));
  return {
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function writeQuery(query: RepresentationMeetingQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.from) out.from = query.from;
  if (query.to) out.to = query.to;
  if (query.page && query.page > 1) out.page = String(query.page);
  return out;
}

/** The log of representation and concertation meetings Smes attended, counted per year. */
export function RepresentationPage() {
  const { t } = useTranslation('representation');
  useDocumentTitle(t('title'));
  const user = useCurrentUser();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const meetings = useMeetings(query);
  const remove = useDeleteMeeting();
  const [editing, setEditing] = useState<RepresentationMeeting | 'new' | null>(null);
  useReopenDraft({ id: 'meeting' }, () => setEditing('new'));
  const [deleting, setDeleting] = useState<RepresentationMeeting | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);

  const periodLabel =
    query.from && query.to
      ? t('period.between', { from: formatDay(query.from, locale), to: formatDay(query.to, locale) })
      : query.from
        ? t('period.since', { from: formatDay(query.from, locale) })
        : query.to
          ? t('period.until', { to: formatDay(query.to, locale) })
          : t('period.all');

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        {can(user, 'representation', 'create') && (
          <button
            type="button"
            className="button--primary"
            aria-expanded={editing === 'new'}
            onClick={() => setEditing(editing === 'new' ? null : 'new')}
          >
            {t('form.open')}
          </button>
        )}
      </div>
      {editing && (
        <section className="panel" aria-labelledby="meeting-form-title">
          <h2 id="meeting-form-title">{editing === 'new' ? t('form.addTitle') : t('form.editTitle')}</h2>
          <MeetingForm
            key={editing === 'new' ? 'new' : editing.id}
            meeting={editing === 'new' ? undefined : editing}
            onCancel={() => setEditing(null)}
            onSaved={(meeting) => {
              setFeedback(
                t(editing === 'new' ? 'form.added' : 'form.saved', {
                  day: formatDay(meeting.heldOn, locale),
                  body: meeting.body,
                }),
              );
              setEditing(null);
            }}
          />
        </section>
      )}
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <YearCounts />
      <PeriodFilter
        from={query.from ?? ''}
        to={query.to ?? ''}
        onChange={(from, to) =>
          setParams(writeQuery({ from: from || undefined, to: to || undefined, page: 1 }))
        }
      />
      {meetings.isPending ? (
        <FullPageLoading />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} />
      ) : (
        <section className="panel" aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t('table.title')}</h2>
          <p data-testid="meetings-total">
            {t('period.total', {
              count: meetings.data.total,
              n: formatNumber(meetings.data.total, locale),
              period: periodLabel,
            })}
          </p>
          <MeetingsTable
            meetings={meetings.data.items}
            busy={meetings.isPlaceholderData}
            canUpdate={can(user, 'representation', 'update')}
            canDelete={can(user, 'representation', 'delete')}
            onEdit={setEditing}
            onDelete={(meeting) => {
              // A refusal shown for an earlier entry is not about this one.
              remove.reset();
              setDeleting(meeting);
            }}
          />
          <Pagination
            page={query.page ?? 1}
            pageSize={PAGE_SIZE}
            total={meetings.data.total}
            onPageChange={(page) => setParams(writeQuery({ ...query, page }))}
          />
        </section>
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={t('delete.title')}
          confirmLabel={t('delete.confirm')}
          cancelLabel={t('cancel')}
          busy={remove.isPending}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setFeedback(
                  t('delete.done', { day: formatDay(deleting.heldOn, locale), body: deleting.body }),
                );
                setDeleting(null);
              },
            })
          }
          onCancel={() => setDeleting(null)}
        >
          <p>{t('delete.body', { day: formatDay(deleting.heldOn, locale), body: deleting.body })}</p>
          <ErrorAlert error={remove.error} />
        </ConfirmDialog>
      )}
    </>
  );
}
