import { useState } from 'react';
import type { FormEvent } from 'react';
import { GROUP_KINDS } from '@smes/shared';
import type { FieldErrorCode, Group, PersonRef, PersonSummary, UpdateGroupBody } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field, Fieldset } from '@/components/form-field';
import { PersonPicker } from '@/features/directory';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useCreateGroup } from '../api/create-group';
import { useUpdateGroup } from '../api/update-group';
import { WEEKDAYS, weekdayName } from './weekdays';
import { DraftForm } from '@/lib/drafts';
import { useClientId } from '@/hooks/use-client-id';

interface GroupFormProps {
  /** The cycle a new group goes in. */
  cycleId: string;
  /** The group being corrected; none for a new one. */
  group?: Group;
  onSaved: (group: Group) => void;
  onCancel: () => void;
}

/** A facilitator as the pickers hold one: the group names them, their details come on search. */
const asPicked = (person: PersonRef | undefined): PersonSummary | null =>
  person ? { ...person, email: null, organisations: [] } : null;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * A group of the cycle with its facilitator pair (one from the social sector, one from mental
 * health): the API answers with a warning, not a refusal, when the pair is not so. Corrections
 * send only what changed.
 */
export function GroupForm({ cycleId, group, onSaved, onCancel }: GroupFormProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const create = useCreateGroup();
  const clientId = useClientId();
  const update = useEditConflict(useUpdateGroup());
  const mutation = group ? update : create;
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState<Group['kind']>(group?.kind ?? 'intersectoral');
  const [language, setLanguage] = useState<Group['language']>(group?.language ?? locale);
  const [weekday, setWeekday] = useState(group?.weekday ?? 4);
  const [startTime, setStartTime] = useState(group?.startTime ?? '14:00');
  const [endTime, setEndTime] = useState(group?.endTime ?? '17:00');
  const [capacity, setCapacity] = useState(String(group?.capacity ?? 10));
  const [first, setFirst] = useState<PersonSummary | null>(() => asPicked(group?.facilitators[0]));
  const [second, setSecond] = useState<PersonSummary | null>(() => asPicked(group?.facilitators[1]));
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(mutation.error) ? mutation.error.fieldError(field) : null);
  const title = group ? t('groups.edit.title', { name: group.name }) : t('groups.add.title');

  const fieldLabel = (field: string) =>
    t(field === 'facilitatorIds' ? 'groups.add.facilitators' : (`groups.add.${field}` as 'groups.add.name'));
  const displayValue = (field: string, value: unknown): string => {
    if (field === 'kind') return t(`kinds.${value as Group['kind']}`);
    if (field === 'language') return t(`languages.${value as Group['language']}`);
    if (field === 'weekday') return weekdayName(Number(value), locale);
    if (field !== 'facilitatorIds') return String(value ?? '');
    // Names of the facilitators as loaded, as now on the server, or as picked.
    const known = [
      ...(group?.facilitators ?? []),
      ...((update.conflict?.current as Group | undefined)?.facilitators ?? []),
      ...[first, second].flatMap((p) => (p ? [p] : [])),
    ];
    return (value as string[])
      .map((id) => {
        const p = known.find((k) => k.id === id);
        return p ? `${p.firstName} ${p.lastName}` : id;
      })
      .join(', ');
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const seats = Number(capacity);
    const next: Record<string, FieldErrorCode> = {};
    if (!name.trim()) next.name = 'required';
    if (!startTime) next.startTime = 'required';
    if (!endTime) next.endTime = 'required';
    if (!Number.isInteger(seats) || seats < 1) next.capacity = 'invalid';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    const input = {
      name: name.trim(),
      kind,
      language,
      weekday,
      startTime,
      endTime,
      capacity: seats,
      facilitatorIds: [first, second].flatMap((p) => (p ? [p.id] : [])),
    };
    if (!group) {
      create.mutate({ id: clientId.id, cycleId, ...input }, { onSuccess: onSaved });
      return;
    }
    const changes: UpdateGroupBody = {};
    if (input.name !== group.name) changes.name = input.name;
    if (kind !== group.kind) changes.kind = kind;
    if (language !== group.language) changes.language = language;
    if (weekday !== group.weekday) changes.weekday = weekday;
    if (startTime !== group.startTime) changes.startTime = startTime;
    if (endTime !== group.endTime) changes.endTime = endTime;
    if (seats !== group.capacity) changes.capacity = seats;
    const before = group.facilitators.map((p) => p.id);
    if (!sameIds(input.facilitatorIds, before)) changes.facilitatorIds = input.facilitatorIds;
    if (Object.keys(changes).length === 0) return onSaved(group);
    update.mutate({ base: group, body: changes }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'group', recordId: group?.id ?? cycleId, version: group?.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
    >
      {!group && clientId.field}
      <ErrorAlert error={mutation.error} />
      <EditConflict edit={update} label={fieldLabel} display={displayValue} />
      <Field label={t('groups.add.name')} hint={t('groups.add.nameHint')} error={fieldError('name')}>
        <input name="name" required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('groups.add.kind')} error={fieldError('kind')}>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Group['kind'])}>
          {GROUP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Fieldset legend={t('groups.add.language')} error={fieldError('language')}>
        {(['fr', 'nl'] as const).map((l) => (
          <label key={l} className="checkbox">
            <input
              type="radio"
              name="language"
              value={l}
              checked={language === l}
              onChange={() => setLanguage(l)}
            />
            {t(`languages.${l}`)}
          </label>
        ))}
      </Fieldset>
      <Field label={t('groups.add.weekday')} error={fieldError('weekday')}>
        <select name="weekday" value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d, locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('groups.add.startTime')} error={fieldError('startTime')}>
        <input
          name="startTime"
          type="time"
          required
          value={startTime}
          onChange={(e) => setStartTime(e.target.value)}
        />
      </Field>
      <Field label={t('groups.add.endTime')} error={fieldError('endTime')} errorContext="endTime">
        <input
          name="endTime"
          type="time"
          required
          min={startTime || undefined}
          value={endTime}
          onChange={(e) => setEndTime(e.target.value)}
        />
      </Field>
      <Field
        label={t('groups.add.capacity')}
        hint={group ? t('groups.edit.capacityHint') : undefined}
        error={fieldError('capacity')}
      >
        <input
          name="capacity"
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      </Field>
      <Fieldset
        legend={t('groups.add.facilitators')}
        hint={t('groups.add.facilitatorsHint')}
        error={fieldError('facilitatorIds')}
      >
        <div className="form--grid">
          <PersonPicker
            label={t('groups.add.facilitator1')}
            value={first}
            onChange={setFirst}
            excludeId={second?.id}
          />
          <PersonPicker
            label={t('groups.add.facilitator2')}
            value={second}
            onChange={setSecond}
            excludeId={first?.id}
          />
        </div>
      </Fieldset>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={mutation.isPending}>
          {group ? t('groups.edit.submit') : t('groups.add.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
