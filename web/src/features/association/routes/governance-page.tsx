import { useState } from 'react';
import { can, GOVERNANCE_BODIES } from '@smes/shared';
import type { Seat } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { isApiError } from '@/lib/api-client';
import { today } from '@/lib/bilingual';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { EditConflict } from '@/components/edit-conflict';
import { useUpdateSeat } from '../api/update-seat';
import { AddSeatForm } from '../components/add-seat-form';
import { DayField } from '../components/day-field';
import { EndPeriodDialog } from '../components/end-period-dialog';
import { holderName } from '../components/holder-name';
import { SeatsSection } from '../components/seats-section';
import { useReopenDraft } from '@/lib/drafts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function GovernancePage() {
  const { t } = useTranslation('association');
  useDocumentTitle(t('governance.title'));
  const locale = useLocale();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const param = params.get('on');
  const on = param && DAY.test(param) ? param : today();
  const update = useEditConflict(useUpdateSeat());
  const [adding, setAdding] = useState(false);
  useReopenDraft({ id: 'seat' }, () => setAdding(true));
  const [ending, setEnding] = useState<Seat | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('governance.title')}</h1>
          <p className="muted">{t('governance.intro')}</p>
        </div>
        {can(user, 'membership', 'create') && (
          <button
            type="button"
            className="button--primary"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
          >
            {t('governance.add.open')}
          </button>
        )}
      </div>
      {adding && (
        <section className="panel" aria-labelledby="add-seat-title">
          <h2 id="add-seat-title">{t('governance.add.title')}</h2>
          <AddSeatForm
            onCancel={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              setFeedback(t('governance.add.done'));
            }}
          />
        </section>
      )}
      <div aria-live="polite" role="status" className="feedback">
        {feedback && <p className="alert alert--success">{feedback}</p>}
      </div>
      <div className="filters">
        <DayField
          label={t('governance.on')}
          value={on}
          onChange={(day) => setParams(day === today() ? {} : { on: day })}
        />
      </div>
      {GOVERNANCE_BODIES.map((body) => (
        <SeatsSection
          key={body}
          body={body}
          on={on}
          canEnd={can(user, 'membership', 'update')}
          onEnd={(seat) => {
            update.reset();
            setEnding(seat);
          }}
        />
      ))}
      {ending && (
        <EndPeriodDialog
          title={t('governance.endTitle')}
          body={t('governance.endBody', {
            name: holderName(ending.holder, locale),
            body: t(`bodies.${ending.body}`),
          })}
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
                  setFeedback(t('governance.ended', { name: holderName(ending.holder, locale) }));
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
