import type { SupportBoard, SupportRequestSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '@/hooks/use-locale';
import { formatDate, formatDay, formatNumber } from '@/lib/format';

const BUCKETS = [
  ['overdue', 'overdue'],
  ['today', 'today'],
  ['thisWeek', 'this_week'],
  ['answered', 'answered'],
] as const;

/**
 * The week's promise at a glance: what is overdue, due today, due this week (not answered yet),
 * and what was answered lately, each request by its code and its person's code, never a name.
 */
export function DueBoard({ board }: { board: SupportBoard }) {
  const { t } = useTranslation('support');
  const locale = useLocale();
  return (
    <div className="support-board" data-testid="support-board">
      {BUCKETS.map(([key, bucket]) => {
        const items = board[key];
        return (
          <section
            key={bucket}
            className="panel support-board__bucket"
            aria-labelledby={`bucket-${bucket}`}
            data-testid={`bucket-${bucket}`}
          >
            <h2 id={`bucket-${bucket}`}>
              {t(`buckets.${bucket}`)} <span className="muted">({formatNumber(items.length, locale)})</span>
            </h2>
            {items.length === 0 ? (
              <p className="muted">{t(`board.empty.${bucket}`)}</p>
            ) : (
              <ul className="link-list">
                {items.map((r) => (
                  <BoardItem key={r.id} request={r} answered={bucket === 'answered'} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function BoardItem({ request: r, answered }: { request: SupportRequestSummary; answered: boolean }) {
  const { t } = useTranslation('support');
  const locale = useLocale();
  return (
    <li>
      <Link to={`/support/requests/${r.id}`}>{t('board.item', { code: r.code, person: r.personCode })}</Link>
      <span className="table__sub">
        {answered && r.firstAnswerOn
          ? t(r.answeredInTime ? 'board.answeredInTime' : 'board.answeredLate', {
              day: formatDay(r.firstAnswerOn, locale),
            })
          : t('board.due', {
              day: formatDay(r.dueOn, locale),
              received: formatDate(r.receivedAt, locale, { timeZone: 'Europe/Brussels' }),
              channel: t(`channels.${r.channel}`),
            })}
      </span>
    </li>
  );
}
