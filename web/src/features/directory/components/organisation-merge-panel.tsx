import { type Organisation, organisationName, type OrganisationRef } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { useMergeOrganisations } from '../api/merge-organisations';
import { MergePanel } from './merge-panel';
import { OrganisationPicker } from './organisation-picker';
import { useMergeChoice } from './use-merge-choice';

interface OrganisationMergePanelProps {
  organisation: Organisation;
  /** How many affiliations moved over, for the page to say. */
  onMerged: (moved: number) => void;
}

export function OrganisationMergePanel({ organisation, onMerged }: OrganisationMergePanelProps) {
  const { t } = useTranslation('directory');
  const locale = useLocale();
  const merge = useMergeOrganisations();
  const { round, duplicate, setDuplicate, preview, confirm } = useMergeChoice<OrganisationRef>(
    'organisations',
    organisation.id,
    merge,
    onMerged,
  );
  const kept = organisationName(organisation, locale);

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
      onConfirm={confirm}
    />
  );
}
