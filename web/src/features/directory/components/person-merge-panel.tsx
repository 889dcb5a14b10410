import type { Person, PersonSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useMergePeople } from '../api/merge-people';
import { MergePanel } from './merge-panel';
import { personName } from './person-name';
import { PersonPicker } from './person-picker';
import { useMergeChoice } from './use-merge-choice';

interface PersonMergePanelProps {
  person: Person;
  onMerged: (moved: number) => void;
}

export function PersonMergePanel({ person, onMerged }: PersonMergePanelProps) {
  const { t } = useTranslation('directory');
  const merge = useMergePeople();
  const { round, duplicate, setDuplicate, preview, confirm } = useMergeChoice<PersonSummary>(
    'people',
    person.id,
    merge,
    onMerged,
  );
  const kept = personName(person);

  return (
    <MergePanel
      title={t('merge.person.title')}
      intro={t('merge.person.intro', { name: kept })}
      picker={
        <PersonPicker
          // A fresh search box after each merge.
          key={round}
          label={t('merge.person.search')}
          value={duplicate}
          onChange={setDuplicate}
          excludeId={person.id}
          error={preview.data?.refusal?.code ?? null}
        />
      }
      confirmText={duplicate && t('merge.person.confirm', { duplicate: personName(duplicate), kept })}
      preview={preview.data}
      pending={merge.isPending}
      error={merge.error ?? preview.error}
      onConfirm={confirm}
    />
  );
}
