import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, PersonRef, RepresentationMeeting } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { isApiError } from '@/lib/api-client';
import { changedFields } from '@/lib/versioned';
import { today } from '@/lib/bilingual';
import { useCreateMeeting } from '../api/create-meeting';
import { useUpdateMeeting } from '../api/update-meeting';
import { AttendeesPicker } from './attendees-picker';
import type { AttendeeError } from './attendees-picker';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';
import { useEditConflict } from '@/hooks/use-edit-conflict';

interface MeetingFormProps {
  /** The entry being corrected; none for a new one. */
  meeting?: RepresentationMeeting;
  onSaved: (meeting: RepresentationMeeting) => void;
  onCancel: () => void;
}

export function MeetingForm({ meeting, onSaved, onCancel }: MeetingFormProps) {
  const { t } = useTranslation('representation');
  const create = useCreateMeeting();
  const clientId = useClientId();
  const update = useEditConflict(useUpdateMeeting());
  const mutation = meeting ? update : create;
  const [heldOn, setHeldOn] = useState(meeting?.heldOn ?? today());
  const [body, setBody] = useState(meeting?.body ?? '');
  const [topic, setTopic] = useState(meeting?.topic ?? '');
  const [attendees, setAttendees] = useState<PersonRef[]>(meeting?.attendees ?? []);
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(mutation.error) ? mutation.error.fieldError(field) : null);
  const title = meeting ? t('form.editTitle') : t('form.addTitle');
  // `attendeeIds/1` names the second person sent, whatever the list has become since.
  const sentIds = meeting ? update.variables?.body.attendeeIds : create.variables?.attendeeIds;
  const attendeeErrors: AttendeeError[] = isApiError(mutation.error)
    ? mutation.error.errors.flatMap((e) => {
        const [field, index] = e.field.replace(/^\/+/, '').replace(/\./g, '/').split('/');
        if (field !== 'attendeeIds') return [];
        return [{ personId: sentIds?.[Number(index)] ?? null, code: e.code }];
      })
    : [];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!heldOn) next.heldOn = 'required';
    if (!body.trim()) next.body = 'required';
    if (!topic.trim()) next.topic = 'required';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    const input = {
      heldOn,
      body: body.trim(),
      topic: topic.trim(),
      attendeeIds: attendees.map((p) => p.id),
      notes: notes.trim() || null,
    };
    if (!meeting) return create.mutate({ id: clientId.id, ...input }, { onSuccess: onSaved });
    // Only what changed: a stale form never puts back what someone else changed meanwhile.
    const changes = changedFields(meeting, input);
    if (Object.keys(changes).length === 0) return onSaved(meeting);
    update.mutate({ base: meeting, body: changes }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'meeting', recordId: meeting?.id, version: meeting?.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
    >
      {!meeting && clientId.field}
      <ErrorAlert error={mutation.error} />
      <EditConflict
        edit={update}
        label={(field) => t(field === 'attendeeIds' ? 'form.attendees' : (`form.${field}` as 'form.topic'))}
        display={(field, value) =>
          field === 'attendeeIds'
            ? (value as string[])
                .map((id) => {
                  const p = [...(meeting?.attendees ?? []), ...attendees].find((a) => a.id === id);
                  return p ? `${p.firstName} ${p.lastName}` : id;
                })
                .join(', ')
            : String(value ?? '')
        }
      />
      <Field label={t('form.heldOn')} error={fieldError('heldOn')}>
        <input
          name="heldOn"
          type="date"
          required
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
        />
      </Field>
      <Field label={t('form.body')} hint={t('form.bodyHint')} error={fieldError('body')}>
        <input name="body" required maxLength={200} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <div className="form__wide">
        <Field label={t('form.topic')} error={fieldError('topic')}>
          <input
            name="topic"
            required
            maxLength={500}
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
          />
        </Field>
      </div>
      <div className="form__wide">
        <AttendeesPicker value={attendees} onChange={setAttendees} errors={attendeeErrors} />
      </div>
      <div className="form__wide">
        <Field label={t('form.notes')} error={fieldError('notes')}>
          <textarea
            name="notes"
            rows={3}
            maxLength={2000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={mutation.isPending}>
          {meeting ? t('form.save') : t('form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
