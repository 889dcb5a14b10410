import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import {
  SUPPORT_ANSWER_HOWS,
  SUPPORT_CLOSE_REASONS,
  SUPPORT_INTERVENTION_PLACES,
  type FieldErrorCode,
  type SupportAnswerHow,
  type SupportCloseReason,
  type SupportIntervention,
  type SupportInterventionPlace,
  type SupportRequest,
  type UpdateSupportInterventionBody,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { EditConflict } from '@/components/edit-conflict';
import { Field, Fieldset } from '@/components/form-field';
import { ResponsiveTable } from '@/components/responsive-table';
import { useClientId } from '@/hooks/use-client-id';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { useCurrentUser } from '@/hooks/use-session';
import { today } from '@/lib/bilingual';
import { DraftForm } from '@/lib/drafts';
import { formatDay, formatNumber } from '@/lib/format';
import { useAddIntervention, useCorrectIntervention, useRequestStep, useSupportStaff } from '../api/request';
import { fieldErrorOf, StepError } from './follow-up-errors';

type Open = 'discussion' | 'firstAnswer' | 'intervention' | 'close' | null;

interface StepsProps {
  request: SupportRequest;
  /** The user may record steps (the Support pole, administrators); a reader breaking the glass may not. */
  canUpdate: boolean;
  /** What the step did, said in the page's live region. */
  onDone: (text: string) => void;
}

/**
 * The request's follow-up, in the order it happens: the team discussion, the first answer, the
 * interventions by a pair, the closing (and reopening, asked first). One form open at a time.
 */
export function FollowUpSteps({ request, canUpdate, onDone }: StepsProps) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const [open, setOpenForm] = useState<Open>(null);
  // The intervention being corrected: one form open at a time, this one or a step's.
  const [correcting, setCorrecting] = useState<SupportIntervention | null>(null);
  const setOpen = (which: Open) => {
    setCorrecting(null);
    setOpenForm(which);
  };
  const [reopening, setReopening] = useState(false);
  const reopen = useRequestStep(request.id);
  const closed = request.status === 'closed';
  const staff = useSupportStaff(canUpdate);
  const done = (text: string) => {
    setOpen(null);
    onDone(text);
  };
  const toggle = (which: Exclude<Open, null>) => setOpen(open === which ? null : which);
  const action = (which: Exclude<Open, null>, label: string) =>
    canUpdate &&
    !closed && (
      <button type="button" aria-expanded={open === which} onClick={() => toggle(which)}>
        {label}
      </button>
    );
  const answer = request.firstAnswer;

  return (
    <section className="panel" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t('followUp.title')}</h2>
      {closed && canUpdate && <p className="muted">{t('followUp.closedNote')}</p>}
      <dl className="facts" data-testid="request-follow-up">
        <dt>{t('followUp.discussion.label')}</dt>
        <dd>
          {request.discussedOn
            ? t('followUp.discussion.value', { day: formatDay(request.discussedOn, locale) })
            : t('followUp.discussion.none')}
        </dd>
        <dt>{t('followUp.firstAnswer.label')}</dt>
        <dd>
          {answer
            ? t('followUp.firstAnswer.value', {
                day: formatDay(answer.on, locale),
                by: answer.by.displayName,
                how: t(`answerHows.${answer.how}`),
              })
            : t('followUp.firstAnswer.none')}
        </dd>
        <dt>{t('followUp.close.label')}</dt>
        <dd>
          {request.closedOn
            ? t('followUp.close.value', {
                day: formatDay(request.closedOn, locale),
                reason: request.closeReason ? t(`closeReasons.${request.closeReason}`) : '',
              })
            : t('followUp.close.none')}
        </dd>
      </dl>
      <div className="button-row">
        {action('discussion', t('followUp.discussion.open'))}
        {!answer && action('firstAnswer', t('followUp.firstAnswer.open'))}
        {action('intervention', t('followUp.interventions.open'))}
        {action('close', t('followUp.close.open'))}
        {canUpdate && closed && (
          <button type="button" onClick={() => setReopening(true)}>
            {t('followUp.reopen.open')}
          </button>
        )}
      </div>
      {open === 'discussion' && (
        <DiscussionForm request={request} onCancel={() => setOpen(null)} onDone={done} />
      )}
      {open === 'firstAnswer' && (
        <FirstAnswerForm
          request={request}
          staff={staff.data ?? []}
          onCancel={() => setOpen(null)}
          onDone={done}
        />
      )}
      {open === 'intervention' && (
        <InterventionForm
          request={request}
          staff={staff.data ?? []}
          onCancel={() => setOpen(null)}
          onDone={done}
        />
      )}
      {open === 'close' && <CloseForm request={request} onCancel={() => setOpen(null)} onDone={done} />}
      <h3>{t('followUp.interventions.label')}</h3>
      <InterventionsTable
        request={request}
        canUpdate={canUpdate}
        onCorrect={(intervention) => {
          setOpenForm(null);
          setCorrecting(intervention);
        }}
      />
      {correcting && (
        <InterventionForm
          key={correcting.id}
          request={request}
          intervention={correcting}
          staff={staff.data ?? []}
          onCancel={() => setCorrecting(null)}
          onDone={(text) => {
            setCorrecting(null);
            onDone(text);
          }}
        />
      )}
      <ConfirmDialog
        open={reopening}
        title={t('followUp.reopen.title', { code: request.code })}
        confirmLabel={t('followUp.reopen.confirm')}
        cancelLabel={t('followUp.reopen.cancel')}
        busy={reopen.isPending}
        onConfirm={() =>
          reopen.mutate(
            { step: 'reopen', body: {} },
            {
              onSuccess: () => {
                setReopening(false);
                onDone(t('followUp.reopen.done'));
              },
            },
          )
        }
        onCancel={() => {
          setReopening(false);
          reopen.reset();
        }}
      >
        <StepError error={reopen.error} />
        <p>
          {t('followUp.reopen.body', { day: request.closedOn ? formatDay(request.closedOn, locale) : '' })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface FormProps {
  request: SupportRequest;
  onCancel: () => void;
  onDone: (text: string) => void;
}

type Staff = { id: string; displayName: string }[];

function FormActions({ submit, busy, onCancel }: { submit: string; busy: boolean; onCancel: () => void }) {
  const { t } = useTranslation('support-follow-up');
  return (
    <div className="form__actions">
      <button type="submit" className="button--primary" disabled={busy}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {t('followUp.cancel')}
      </button>
    </div>
  );
}

function DiscussionForm({ request, onCancel, onDone }: FormProps) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const step = useRequestStep(request.id);
  const [day, setDay] = useState(request.discussedOn ?? today());
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = fieldErrorOf(invalid, step.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!day) return setInvalid({ discussedOn: 'required' });
    setInvalid({});
    step.mutate(
      { step: 'discussion', body: { discussedOn: day } },
      { onSuccess: () => onDone(t('followUp.discussion.done', { day: formatDay(day, locale) })) },
    );
  };
  return (
    <form className="form subpanel" onSubmit={onSubmit} noValidate aria-label={t('followUp.discussion.open')}>
      <StepError error={step.error} />
      <Field label={t('followUp.discussion.date')} error={fieldError('discussedOn')}>
        <input type="date" name="discussedOn" required value={day} onChange={(e) => setDay(e.target.value)} />
      </Field>
      <FormActions submit={t('followUp.discussion.submit')} busy={step.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The Support team to choose from; the `Field` around it gives it its id and descriptions. */
function StaffSelect({
  staff,
  onChange,
  exclude,
  ...select
}: {
  name: string;
  staff: Staff;
  value: string;
  onChange: (id: string) => void;
  exclude?: string;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation('support-follow-up');
  return (
    <select {...select} required onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('followUp.choose')}</option>
      {staff
        .filter((s) => s.id !== exclude || s.id === select.value)
        .map((s) => (
          <option key={s.id} value={s.id}>
            {s.displayName}
          </option>
        ))}
    </select>
  );
}

/**
 * A worker chosen from the team, the current user by default — also when the team list arrives
 * after the form opened (once, and only if nobody was chosen meanwhile).
 */
function useCurrentUserByDefault(staff: Staff, userId: string) {
  const [value, setValue] = useState(() => (staff.some((s) => s.id === userId) ? userId : ''));
  const [defaulted, setDefaulted] = useState(staff.length > 0);
  if (!defaulted && staff.length > 0) {
    setDefaulted(true);
    if (value === '' && staff.some((s) => s.id === userId)) setValue(userId);
  }
  return [value, setValue] as const;
}

function FirstAnswerForm({ request, staff, onCancel, onDone }: FormProps & { staff: Staff }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const user = useCurrentUser();
  const step = useRequestStep(request.id);
  const [day, setDay] = useState(today());
  // The one recording it most often gave the answer.
  const [by, setBy] = useCurrentUserByDefault(staff, user.id);
  const [how, setHow] = useState<SupportAnswerHow>(request.channel === 'email' ? 'email' : 'phone');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = fieldErrorOf(invalid, step.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!day) next.answeredOn = 'required';
    if (!by) next.byUserId = 'required';
    setInvalid(next);
    if (Object.keys(next).length) return;
    step.mutate(
      { step: 'first-answer', body: { answeredOn: day, byUserId: by, how } },
      { onSuccess: () => onDone(t('followUp.firstAnswer.done', { day: formatDay(day, locale) })) },
    );
  };
  return (
    <form
      className="form form--grid subpanel"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('followUp.firstAnswer.open')}
    >
      <StepError error={step.error} />
      <Field label={t('followUp.firstAnswer.date')} error={fieldError('answeredOn')}>
        <input type="date" name="answeredOn" required value={day} onChange={(e) => setDay(e.target.value)} />
      </Field>
      <Field label={t('followUp.firstAnswer.by')} error={fieldError('byUserId')}>
        <StaffSelect name="byUserId" staff={staff} value={by} onChange={setBy} />
      </Field>
      <Field label={t('followUp.firstAnswer.how')} error={fieldError('how')}>
        <select name="how" value={how} onChange={(e) => setHow(e.target.value as SupportAnswerHow)}>
          {SUPPORT_ANSWER_HOWS.map((h) => (
            <option key={h} value={h}>
              {t(`answerHows.${h}`)}
            </option>
          ))}
        </select>
      </Field>
      <FormActions submit={t('followUp.firstAnswer.submit')} busy={step.isPending} onCancel={onCancel} />
    </form>
  );
}

/**
 * An intervention by a pair, or the correction of one (`intervention`): only the fields changed
 * are sent, versioned on the request; someone else's change to the same field shows both values.
 */
function InterventionForm({
  request,
  intervention,
  staff,
  onCancel,
  onDone,
}: FormProps & { staff: Staff; intervention?: SupportIntervention }) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const user = useCurrentUser();
  const add = useAddIntervention(request.id);
  const correct = useEditConflict(useCorrectIntervention());
  const mutation = intervention ? correct : add;
  const clientId = useClientId();
  const [day, setDay] = useState(intervention?.heldOn ?? today());
  const [defaultFirst, setDefaultFirst] = useCurrentUserByDefault(staff, user.id);
  const [chosenFirst, setChosenFirst] = useState(intervention?.workers[0]?.id ?? '');
  const [first, setFirst] = intervention ? [chosenFirst, setChosenFirst] : [defaultFirst, setDefaultFirst];
  const [second, setSecond] = useState(intervention?.workers[1]?.id ?? '');
  const [place, setPlace] = useState<SupportInterventionPlace>(intervention?.place ?? 'requester_service');
  const [duration, setDuration] = useState(intervention?.durationMinutes?.toString() ?? '');
  const [notes, setNotes] = useState(intervention?.notes ?? '');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = fieldErrorOf(invalid, mutation.error);
  // A correction opens below the whole list, off-screen on a phone: take the eye and the focus there.
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!intervention) return;
    firstField.current?.focus({ preventScroll: true });
    firstField.current?.scrollIntoView({ block: 'center' });
  }, [intervention]);
  // A pair member who has since left the team is still named, not "— Choisir —".
  const choices = intervention
    ? [...staff, ...intervention.workers.filter((w) => !staff.some((s) => s.id === w.id))]
    : staff;
  const label = (field: string) =>
    ({
      heldOn: t('followUp.interventions.date'),
      workerIds: t('followUp.interventions.pair'),
      place: t('followUp.interventions.place'),
      durationMinutes: t('followUp.interventions.duration'),
      notes: t('followUp.interventions.notes'),
    })[field] ?? field;
  const display = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '';
    if (field === 'heldOn') return formatDay(String(value), locale);
    if (field === 'place') return t(`places.${value as SupportInterventionPlace}`);
    if (field === 'workerIds')
      return (value as string[]).map((id) => choices.find((s) => s.id === id)?.displayName ?? id).join(' · ');
    return String(value);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    const minutes = duration.trim() === '' ? null : Number(duration);
    if (!day) next.heldOn = 'required';
    if (!first || !second) next.workerIds = 'required';
    else if (first === second) next.workerIds = 'invalid';
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440))
      next.durationMinutes = 'invalid';
    setInvalid(next);
    if (Object.keys(next).length) return;
    if (intervention) {
      const body: UpdateSupportInterventionBody = {};
      if (day !== intervention.heldOn) body.heldOn = day;
      const pairBefore = intervention.workers.map((w) => w.id);
      if (first !== pairBefore[0] || second !== pairBefore[1]) body.workerIds = [first, second];
      if (place !== intervention.place) body.place = place;
      if (minutes !== intervention.durationMinutes) body.durationMinutes = minutes;
      if ((notes.trim() || null) !== intervention.notes) body.notes = notes.trim() || null;
      const saved = t('followUp.interventions.corrected', { day: formatDay(day, locale) });
      if (Object.keys(body).length === 0) return onDone(saved);
      correct.mutate(
        { base: request, interventionId: intervention.id, body },
        { onSuccess: () => onDone(saved) },
      );
      return;
    }
    add.mutate(
      {
        id: clientId.id,
        heldOn: day,
        workerIds: [first, second],
        place,
        durationMinutes: minutes,
        notes: notes.trim() || null,
      },
      { onSuccess: () => onDone(t('followUp.interventions.done', { day: formatDay(day, locale) })) },
    );
  };
  return (
    <DraftForm
      draft={
        intervention
          ? { id: 'support-intervention-correction', recordId: intervention.id, version: request.version }
          : { id: 'support-intervention', recordId: request.id }
      }
      className="form form--grid subpanel"
      onSubmit={onSubmit}
      noValidate
      aria-label={
        intervention
          ? t('followUp.interventions.correctTitle', { day: formatDay(intervention.heldOn, locale) })
          : t('followUp.interventions.title')
      }
    >
      {!intervention && clientId.field}
      <StepError error={mutation.error} />
      {intervention && <EditConflict edit={correct} label={label} display={display} />}
      <Field label={t('followUp.interventions.date')} error={fieldError('heldOn')}>
        <input
          ref={firstField}
          type="date"
          name="heldOn"
          required
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
      </Field>
      <Fieldset
        legend={t('followUp.interventions.pair')}
        hint={t('followUp.interventions.pairHint')}
        error={fieldError('workerIds')}
      >
        <div className="form--grid">
          <Field label={t('followUp.interventions.first')}>
            <StaffSelect
              name="firstWorker"
              staff={choices}
              value={first}
              onChange={setFirst}
              exclude={second}
            />
          </Field>
          <Field label={t('followUp.interventions.second')}>
            <StaffSelect
              name="secondWorker"
              staff={choices}
              value={second}
              onChange={setSecond}
              exclude={first}
            />
          </Field>
        </div>
      </Fieldset>
      <Field label={t('followUp.interventions.place')} error={fieldError('place')}>
        <select
          name="place"
          value={place}
          onChange={(e) => setPlace(e.target.value as SupportInterventionPlace)}
        >
          {SUPPORT_INTERVENTION_PLACES.map((p) => (
            <option key={p} value={p}>
              {t(`places.${p}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('followUp.interventions.duration')} error={fieldError('durationMinutes')}>
        <input
          type="number"
          name="durationMinutes"
          inputMode="numeric"
          min={1}
          max={1440}
          value={duration}
          onChange={(e) => setDuration(e.target.value)}
        />
      </Field>
      <Field
        label={t('followUp.interventions.notes')}
        hint={t('followUp.interventions.notesHint')}
        error={fieldError('notes')}
      >
        <textarea
          name="notes"
          rows={4}
          maxLength={5000}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
      <FormActions
        submit={t(intervention ? 'followUp.interventions.correctSubmit' : 'followUp.interventions.submit')}
        busy={mutation.isPending}
        onCancel={onCancel}
      />
    </DraftForm>
  );
}

function CloseForm({ request, onCancel, onDone }: FormProps) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const step = useRequestStep(request.id);
  const [day, setDay] = useState(today());
  const [reason, setReason] = useState<SupportCloseReason | ''>('');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = fieldErrorOf(invalid, step.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!day) next.closedOn = 'required';
    if (!reason) next.reason = 'required';
    setInvalid(next);
    if (!reason || !day) return;
    step.mutate(
      { step: 'close', body: { closedOn: day, reason } },
      { onSuccess: () => onDone(t('followUp.close.done', { day: formatDay(day, locale) })) },
    );
  };
  return (
    <form
      className="form form--grid subpanel"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('followUp.close.open')}
    >
      <StepError error={step.error} />
      <Field label={t('followUp.close.date')} error={fieldError('closedOn')}>
        <input type="date" name="closedOn" required value={day} onChange={(e) => setDay(e.target.value)} />
      </Field>
      <Field label={t('followUp.close.reason')} error={fieldError('reason')}>
        <select
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value as SupportCloseReason)}
        >
          <option value="">{t('followUp.choose')}</option>
          {SUPPORT_CLOSE_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`closeReasons.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <FormActions submit={t('followUp.close.submit')} busy={step.isPending} onCancel={onCancel} />
    </form>
  );
}

function InterventionsTable({
  request,
  canUpdate,
  onCorrect,
}: {
  request: SupportRequest;
  canUpdate: boolean;
  onCorrect: (intervention: SupportIntervention) => void;
}) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  if (!request.interventions.length) return <p className="muted">{t('followUp.interventions.none')}</p>;
  return (
    <ResponsiveTable>
      <table className="table" data-testid="request-interventions">
        <thead>
          <tr>
            <th scope="col">{t('followUp.interventions.table.date')}</th>
            <th scope="col">{t('followUp.interventions.table.pair')}</th>
            <th scope="col">{t('followUp.interventions.table.place')}</th>
            <th scope="col">{t('followUp.interventions.table.duration')}</th>
            <th scope="col">{t('followUp.interventions.table.notes')}</th>
            {canUpdate && <th scope="col">{t('followUp.interventions.table.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {request.interventions.map((i) => (
            <tr key={i.id}>
              <th scope="row">{formatDay(i.heldOn, locale)}</th>
              <td>{i.workers.map((w) => w.displayName).join(' · ')}</td>
              <td>{t(`places.${i.place}`)}</td>
              <td>
                {i.durationMinutes === null
                  ? '—'
                  : t('followUp.interventions.minutes', { value: formatNumber(i.durationMinutes, locale) })}
              </td>
              <td className="prewrap">{i.notes ?? '—'}</td>
              {canUpdate && (
                <td>
                  <button
                    type="button"
                    className="button--small"
                    aria-label={t('followUp.interventions.correctFor', { day: formatDay(i.heldOn, locale) })}
                    onClick={() => onCorrect(i)}
                  >
                    {t('followUp.interventions.correct')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ResponsiveTable>
  );
}
