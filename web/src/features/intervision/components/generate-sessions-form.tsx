import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FieldErrorCode, GeneratedSessions, Group } from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field } from '@/components/form-field';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { formatDay, formatNumber } from '@/lib/format';
import { useGenerateSessions } from '../api/generate-sessions';
import { ruleLabel } from './rule-label';
import { ORDINALS, WEEKDAYS, ordinalKey, weekdayName } from './weekdays';
import type { Ordinal } from './weekdays';
import { DraftForm } from '@/lib/drafts';

interface GenerateSessionsFormProps {
  group: Group;
  /** The cycle's first and last days, the rule's default span. */
  from: string;
  to: string;
  onCreated: (count: number) => void;
  onCancel: () => void;
}

/**
 * "The second Thursday of each month, October to December": first the dates the rule gives
 * (a dry run, nothing created), then, once they look right, the sessions.
 */
export function GenerateSessionsForm({ group, from, to, onCreated, onCancel }: GenerateSessionsFormProps) {
  const { t } = useTranslation('intervision');
  const locale = useLocale();
  const generate = useGenerateSessions();
  const [ordinal, setOrdinal] = useState<Ordinal>(1);
  const [weekday, setWeekday] = useState(group.weekday);
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(to);
  const [preview, setPreview] = useState<GeneratedSessions | null>(null);
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = (field: string) =>
    invalid[field] ?? (isApiError(generate.error) ? generate.error.fieldError(field) : null);
  const body = { from: start, to: end, ordinal, weekday };
  const rule = ruleLabel((key, options) => t(key as 'generate.rule', options), locale, ordinal, weekday);
  const newDays = preview ? preview.dates.filter((d) => !preview.skipped.includes(d)) : [];

  const onPreview = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!start) next.from = 'required';
    if (!end) next.to = 'required';
    else if (start && end < start) next.to = 'tooSmall';
    setInvalid(next);
    if (Object.keys(next).length > 0) return;
    generate.mutate({ groupId: group.id, body: { ...body, dryRun: true } }, { onSuccess: setPreview });
  };
  // Any change to the rule makes the preview stale: it must be looked at again.
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreview(null);
    };

  return (
    <DraftForm
      draft={{ id: 'generate-sessions', recordId: group.id }}
      className="form form--grid"
      onSubmit={onPreview}
      noValidate
      aria-label={t('generate.title')}
    >
      <ErrorAlert error={generate.error} />
      <Field label={t('generate.ordinal')} error={fieldError('ordinal')}>
        <select
          name="ordinal"
          value={ordinal}
          onChange={(e) => change(setOrdinal)(Number(e.target.value) as Ordinal)}
        >
          {ORDINALS.map((o) => (
            <option key={o} value={o}>
              {t(`generate.ordinals.${ordinalKey(o)}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('generate.weekday')} error={fieldError('weekday')}>
        <select name="weekday" value={weekday} onChange={(e) => change(setWeekday)(Number(e.target.value))}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d, locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('generate.from')} error={fieldError('from')}>
        <input name="from" type="date" value={start} onChange={(e) => change(setStart)(e.target.value)} />
      </Field>
      <Field label={t('generate.to')} error={fieldError('to')} errorContext="ruleEnd">
        <input
          name="to"
          type="date"
          min={start || undefined}
          value={end}
          onChange={(e) => change(setEnd)(e.target.value)}
        />
      </Field>
      <p className="form__wide">
        <strong>{t('generate.ruleSummary', { rule })}</strong>
      </p>
      <div className="form__actions">
        <button type="submit" disabled={generate.isPending}>
          {t('generate.preview')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {preview && (
        <div className="form__wide" aria-live="polite" data-testid="generate-preview">
          {preview.dates.length === 0 ? (
            <p className="alert alert--info">{t('generate.noDates')}</p>
          ) : (
            <>
              <p>
                {t('generate.datesTitle', { count: newDays.length, n: formatNumber(newDays.length, locale) })}
              </p>
              <ul className="day-list">
                {preview.dates.map((day) => (
                  <li key={day}>
                    {formatDay(day, locale)}
                    {preview.skipped.includes(day) && (
                      <span className="muted"> — {t('generate.alreadyThere')}</span>
                    )}
                  </li>
                ))}
              </ul>
              {newDays.length > 0 && (
                <button
                  type="button"
                  className="button--primary"
                  disabled={generate.isPending}
                  onClick={() =>
                    generate.mutate(
                      { groupId: group.id, body },
                      { onSuccess: (result) => onCreated(result.created.length) },
                    )
                  }
                >
                  {t('generate.create', { count: newDays.length, n: formatNumber(newDays.length, locale) })}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </DraftForm>
  );
}
