import { useState } from 'react';
import type { GroupDetail, Period } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatDay, formatNumber } from '@/lib/format';
import { AddSessionForm } from './add-session-form';
import { GenerateSessionsForm } from './generate-sessions-form';
import { SessionsTable } from './sessions-table';
import { useReopenDraft } from '@/lib/drafts';

interface SessionsSectionProps {
  detail: GroupDetail;
  /** The cycle's span, the date rule's default. */
  span: Period;
  canCreate: boolean;
  canUpdate: boolean;
  onChanged: (text: string) => void;
}

export function SessionsSection({ detail, span, canCreate, canUpdate, onChanged }: SessionsSectionProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const [open, setOpen] = useState<'add' | 'generate' | null>(null);
  const toggle = (what: 'add' | 'generate') => setOpen(open === what ? null : what);
  // A half-filled form (the session ended meanwhile) opens again with what was typed.
  useReopenDraft({ id: 'session', recordId: detail.group.id }, () => setOpen('add'), canCreate);
  useReopenDraft(
    { id: 'generate-sessions', recordId: detail.group.id },
    () => setOpen('generate'),
    canCreate,
  );

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <div className="panel__header">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        {canCreate && (
          <div className="button-row">
            <button type="button" aria-expanded={open === 'add'} onClick={() => toggle('add')}>
              {t('sessions.add.open')}
            </button>
            <button type="button" aria-expanded={open === 'generate'} onClick={() => toggle('generate')}>
              {t('generate.open')}
            </button>
          </div>
        )}
      </div>
      {open === 'add' && (
        <div className="subpanel">
          <h3>{t('sessions.add.title')}</h3>
          <AddSessionForm
            groupId={detail.group.id}
            onCancel={() => setOpen(null)}
            onAdded={(session) => {
              setOpen(null);
              onChanged(t('sessions.add.done', { day: formatDay(session.startsOn, locale) }));
            }}
          />
        </div>
      )}
      {open === 'generate' && (
        <div className="subpanel">
          <h3>{t('generate.title')}</h3>
          <GenerateSessionsForm
            group={detail.group}
            from={span.from}
            to={span.to}
            onCancel={() => setOpen(null)}
            onCreated={(count) => {
              setOpen(null);
              onChanged(t('generate.done', { count, n: formatNumber(count, locale) }));
            }}
          />
        </div>
      )}
      <SessionsTable
        sessions={detail.sessions}
        registrations={detail.registrations}
        canUpdate={canUpdate}
        onChanged={onChanged}
      />
    </section>
  );
}
