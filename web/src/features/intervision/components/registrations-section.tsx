import { useState } from 'react';
import type { GroupDetail, Registration } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { formatAmount } from '@/lib/amount';
import { byRegistrationOrder, participantName } from './participant-name';
import { RegistrationForm } from './registration-form';
import { RegistrationsTable } from './registrations-table';
import { useReopenDraft } from '@/lib/drafts';

interface RegistrationsSectionProps {
  detail: GroupDetail;
  canCreate: boolean;
  canUpdate: boolean;
  onChanged: (text: string) => void;
}

export function RegistrationsSection({ detail, canCreate, canUpdate, onChanged }: RegistrationsSectionProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  // A half-filled registration (the session ended meanwhile) opens again with what was typed.
  useReopenDraft({ id: 'registration', recordId: detail.group.id }, () => setAdding(true), canCreate);

  const registered = (r: Registration) => {
    const name = participantName(r) ?? t('registrations.removed');
    const fee = formatAmount(r.fee, locale);
    setAdding(false);
    onChanged(
      r.status === 'waiting'
        ? t('registrations.add.waiting', { name })
        : t(r.memberRate ? 'registrations.add.doneMember' : 'registrations.add.doneNonMember', { name, fee }),
    );
  };

  return (
    <section className="panel" aria-labelledby="registrations-title">
      <div className="panel__header">
        <h2 id="registrations-title">{t('registrations.title')}</h2>
        {canCreate && (
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {t('registrations.add.open')}
          </button>
        )}
      </div>
      {adding && (
        <div className="subpanel">
          <h3>{t('registrations.add.title')}</h3>
          <RegistrationForm
            groupId={detail.group.id}
            onCancel={() => setAdding(false)}
            onRegistered={registered}
          />
        </div>
      )}
      <RegistrationsTable
        registrations={[...detail.registrations].sort(byRegistrationOrder)}
        canUpdate={canUpdate}
        onChanged={onChanged}
      />
    </section>
  );
}
