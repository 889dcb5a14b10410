import type { TrainingEdition, TrainingSession } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { AttendanceForm } from '@/components/attendance-form';
import { personName } from '@/features/directory';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { formatDay } from '@/lib/format';
import { useSaveTrainingAttendance } from '../api/trainings';

/**
 * Who was present on one day of the edition, as the intervision attendance does it (the shared
 * `AttendanceForm`): one box per participant, a colleague's list saved meanwhile shown next to
 * the user's.
 */
export function TrainingAttendanceForm({
  edition,
  session,
  onSaved,
  onCancel,
}: {
  edition: TrainingEdition;
  session: TrainingSession;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['trainings']);
  const locale = useLocale();
  const save = useEditConflict(useSaveTrainingAttendance());
  const participants = edition.participantList;
  const name = (id: string) => {
    const p = participants.find((x) => x.id === id);
    return p && personName(p.person);
  };

  return (
    <AttendanceForm
      draft={{ id: 'training-attendance', recordId: session.id, version: edition.version }}
      title={t('trainings:attendance.title', { day: formatDay(session.heldOn, locale) })}
      people={participants.map((p) => ({ id: p.id, name: personName(p.person) }))}
      present={session.presentIds}
      save={save}
      field="participantIds"
      nameOf={name}
      onSave={(participantIds) =>
        save.mutate(
          { base: edition, sessionId: session.id, body: { participantIds } },
          { onSuccess: onSaved },
        )
      }
      onCancel={onCancel}
      labels={{
        allPresent: t('trainings:attendance.allPresent'),
        save: t('trainings:attendance.save'),
        cancel: t('trainings:cancel'),
      }}
    />
  );
}
