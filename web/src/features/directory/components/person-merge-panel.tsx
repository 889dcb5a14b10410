import { useState } from 'react';
import type { Person, PersonSummary } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { useMergePreview } from '../api/get-merge-preview';
import { useMergePeople } from '../api/merge-people';
import { MergePanel } from './merge-panel';
import { personName } from './person-name';
import { PersonPicker } from './person-picker';

interface PersonMergePanelProps {
  person: Person;
  onMerged: (moved: number) => void;
}

export function PersonMergePanel({ person, onMerged }: PersonMergePanelProps) {
  const { t } = useTranslation('directory');
  const merge = useMergePeople();
  const [round, setRound] = useState(0);
  const [duplicate, setDuplicate] = useState<PersonSummary | null>(null);
  const kept = personName(person);
  const preview = useMergePreview('people', person.id, duplicate?.id);

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
      onConfirm={(done) => {
        if (!duplicate) return;
        merge.mutate(
          { keepId: person.id, duplicateId: duplicate.id },
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
