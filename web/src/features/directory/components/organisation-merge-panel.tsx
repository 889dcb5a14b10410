import { useState } from 'react';
import { type Organisation, organisationName, type OrganisationRef } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { useMergePreview } from '../api/get-merge-preview';
import { useMergeOrganisations } from '../api/merge-organisations';
import { MergePanel } from './merge-panel';
import { OrganisationPicker } from './organisation-picker';

interface OrganisationMergePanelProps {
  organisation: Organisation;
  /** How many affiliations moved over, for the page to say. */
  onMerged: (moved: number) => void;
}

export function OrganisationMergePanel({ organisation, onMerged }: OrganisationMergePanelProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const merge = useMergeOrganisations();
  const [round, setRound] = useState(0);
  const [duplicate, setDuplicate] = useState<OrganisationRef | null>(null);
  const kept = organisationName(organisation, locale);
  const preview = useMergePreview('organisations', organisation.id, duplicate?.id);

  return (
    <MergePanel
      title={t('merge.organisation.title')}
      intro={t('merge.organisation.intro', { name: kept })}
      picker={
        <OrganisationPicker
          // A fresh search box after each merge.
          key={round}
          label={t('merge.organisation.search')}
          value={duplicate}
          onChange={setDuplicate}
          excludeId={organisation.id}
          includeClosed
          // A module forbids it (both have a worker in one intervision group): said next to the
          // duplicate chosen, as soon as it is chosen.
          error={
            preview.data?.refusal?.code ??
            (isApiError(merge.error) ? merge.error.fieldError('duplicateId') : null)
          }
        />
      }
      confirmText={
        duplicate && t('merge.organisation.confirm', { duplicate: organisationName(duplicate, locale), kept })
      }
      preview={preview.data}
      pending={merge.isPending}
      error={merge.error ?? preview.error}
      onConfirm={(done) => {
        if (!duplicate) return;
        merge.mutate(
          { keepId: organisation.id, duplicateId: duplicate.id },
          {
            onSuccess: (result) => {
              setDuplicate(null);
              setRound((r) => r + 1);
              onMerged(result.repointed.affiliations ?? 0);
            },
            onSettled: done,
          },
        );
      }}
    />
  );
}
