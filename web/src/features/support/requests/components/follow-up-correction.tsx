import { useState } from 'react';
import type { FormEvent } from 'react';
import {
  organisationName,
  SUPPORT_CHANNELS,
  SUPPORT_INITIALS_PATTERN,
  SUPPORT_REQUESTER_KINDS,
  supportDueOn,
  type FieldErrorCode,
  type OrganisationRef,
  type PersonSummary,
  type SupportAgeBand,
  type SupportChannel,
  type SupportGender,
  type SupportHousing,
  type SupportRequest,
  type SupportRequesterKind,
  type UpdateSupportRequestBody,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { EditConflict } from '@/components/edit-conflict';
import { ErrorAlert } from '@/components/error-alert';
import { Field, Fieldset } from '@/components/form-field';
import { OrganisationPicker, PersonPicker, personName } from '@/features/directory';
import { useReferenceItems } from '@/features/reference';
import { useEditConflict } from '@/hooks/use-edit-conflict';
import { useLocale } from '@/hooks/use-locale';
import { DraftForm } from '@/lib/drafts';
import { formatDateTime, formatDay } from '@/lib/format';
import { changedFields } from '@/lib/versioned';
import { requestValue, useUpdateSupportRequest } from '../api/request';
import { fieldErrorOf } from './follow-up-errors';
import { useLanguageLabel } from './follow-up-facts';
import { fromLocalInput, toLocalInput } from './follow-up-labels';
import { PersonFactsFields } from './person-facts-fields';
import type { PersonFacts } from './person-facts-fields';

interface CorrectionProps {
  request: SupportRequest;
  onSaved: (saved: SupportRequest) => void;
  onCancel: () => void;
}

const asPicked = (person: SupportRequest['requester']['person']): PersonSummary | null =>
  person ? { ...person, email: null, organisations: [] } : null;
const initialsPattern = new RegExp(SUPPORT_INITIALS_PATTERN);

/**
 * Correcting the request's own fields (versioned PATCH with If-Match, decision 13): it sends
 * only what the user changed; someone else's change to the same field is shown with both values
 * (EditConflict). A corrected received date shows the due date it makes before saving.
 */
export function FollowUpCorrection({ request, onSaved, onCancel }: CorrectionProps) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const update = useEditConflict(useUpdateSupportRequest());
  const [received, setReceived] = useState(() => toLocalInput(request.receivedAt));
  const [channel, setChannel] = useState<SupportChannel>(request.channel);
  const [kind, setKind] = useState<SupportRequesterKind>(request.requester.kind);
  const [worker, setWorker] = useState<PersonSummary | null>(() => asPicked(request.requester.person));
  const [organisation, setOrganisation] = useState<OrganisationRef | null>(request.requester.organisation);
  const [name, setName] = useState(request.requester.name ?? '');
  const [callBack, setCallBack] = useState(request.requester.callBack ?? '');
  const [initials, setInitials] = useState(request.person.initials ?? '');
  const [facts, setFacts] = useState<PersonFacts>({
    gender: request.person.gender,
    ageBand: request.person.ageBand,
    housing: request.person.housing,
    language: request.person.language ?? '',
  });
  const languages = useReferenceItems('language', { includeRetired: true });
  const languageLabel = useLanguageLabel();
  const [impasse, setImpasse] = useState(request.impasse ?? '');
  const [invalid, setInvalid] = useState<Record<string, FieldErrorCode>>({});
  const fieldError = fieldErrorOf(invalid, update.error);
  const receivedAt = fromLocalInput(received);
  const dueOn = receivedAt ? supportDueOn(new Date(receivedAt)) : null;

  const label = (field: string) => t(`correct.${field as 'channel'}`);
  const display = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (field === 'receivedAt') return formatDateTime(String(value), locale, { timeZone: 'Europe/Brussels' });
    if (field === 'channel') return t(`channels.${value as SupportChannel}`);
    if (field === 'requester') {
      const r = value as { kind: SupportRequesterKind; name?: string; personId?: string };
      const known = [request.requester.person, worker].find((p) => p && p.id === r.personId);
      return [t(`requesterKinds.${r.kind}`), r.name ?? (known ? personName(known) : '')]
        .filter(Boolean)
        .join(' · ');
    }
    if (field === 'person') {
      const p = value as {
        initials: string;
        gender: SupportGender;
        ageBand: SupportAgeBand;
        housing: SupportHousing;
        language?: string | null;
      };
      return [
        p.initials,
        t(`genders.${p.gender}`),
        t(`ageBands.${p.ageBand}`),
        t(`housing.${p.housing}`),
        p.language ? languageLabel(p.language) : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    return String(value);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, FieldErrorCode> = {};
    if (!receivedAt) next.receivedAt = 'required';
    if (!impasse.trim()) next.impasse = 'required';
    if (!initialsPattern.test(initials.trim())) next['person/initials'] = 'invalid';
    if (kind === 'professional') {
      if (!worker) next['requester/personId'] = 'required';
      if (!organisation) next['requester/organisationId'] = 'required';
    } else {
      if (!name.trim()) next['requester/name'] = 'required';
      if (!callBack.trim()) next['requester/callBack'] = 'required';
    }
    setInvalid(next);
    if (Object.keys(next).length) return;
    const all: UpdateSupportRequestBody = {
      channel,
      requester:
        kind === 'professional'
          ? { kind, personId: worker!.id, organisationId: organisation!.id }
          : { kind, name: name.trim(), callBack: callBack.trim() },
      person: {
        initials: initials.trim(),
        gender: facts.gender as SupportGender,
        ageBand: facts.ageBand as SupportAgeBand,
        housing: facts.housing as SupportHousing,
        language: facts.language.trim(),
      },
      impasse: impasse.trim(),
    };
    const body: UpdateSupportRequestBody = {
      // Minutes are what the form shows: an unchanged field keeps the seconds it had.
      ...(received !== toLocalInput(request.receivedAt) ? { receivedAt: receivedAt! } : {}),
      ...changedFields(request, all, requestValue),
    };
    if (Object.keys(body).length === 0) return onSaved(request);
    update.mutate({ base: request, body }, { onSuccess: onSaved });
  };

  return (
    <DraftForm
      draft={{ id: 'support-request', recordId: request.id, version: request.version }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('correct.title', { code: request.code })}
    >
      <ErrorAlert error={update.error} />
      <EditConflict edit={update} label={label} display={display} />
      <Field
        label={t('correct.receivedAt')}
        hint={dueOn ? t('correct.dueHint', { due: formatDay(dueOn, locale) }) : undefined}
        error={fieldError('receivedAt')}
      >
        <input
          type="datetime-local"
          name="receivedAt"
          required
          value={received}
          onChange={(e) => setReceived(e.target.value)}
        />
      </Field>
      <Field label={t('correct.channel')} error={fieldError('channel')}>
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value as SupportChannel)}>
          {SUPPORT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      <Fieldset legend={t('correct.requester')} error={fieldError('requester/kind')}>
        <div className="form--grid">
          <Field label={t('correct.requesterKind')}>
            <select
              name="requesterKind"
              value={kind}
              onChange={(e) => setKind(e.target.value as SupportRequesterKind)}
            >
              {SUPPORT_REQUESTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`requesterKinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {kind === 'professional' ? (
            <>
              <PersonPicker
                label={t('correct.requesterPerson')}
                value={worker}
                onChange={(p) => {
                  setWorker(p);
                  // Their organisation of today, when they have one only.
                  if (p && p.organisations.length === 1) setOrganisation(p.organisations[0]!);
                }}
                error={fieldError('requester/personId')}
              />
              <OrganisationPicker
                label={t('correct.requesterOrganisation')}
                value={organisation}
                onChange={setOrganisation}
                error={fieldError('requester/organisationId')}
              />
            </>
          ) : (
            <>
              <Field label={t('correct.requesterName')} error={fieldError('requester/name')}>
                <input
                  name="requesterName"
                  maxLength={200}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                />
              </Field>
              <Field label={t('correct.requesterCallBack')} error={fieldError('requester/callBack')}>
                <input
                  name="requesterCallBack"
                  type="tel"
                  maxLength={200}
                  value={callBack}
                  onChange={(e) => setCallBack(e.target.value)}
                />
              </Field>
            </>
          )}
        </div>
      </Fieldset>
      <Fieldset legend={t('correct.person')}>
        <div className="form--grid">
          <Field
            label={t('correct.initials')}
            hint={t('correct.initialsHint')}
            error={fieldError('person/initials')}
          >
            <input
              name="initials"
              maxLength={8}
              autoComplete="off"
              value={initials}
              onChange={(e) => setInitials(e.target.value)}
            />
          </Field>
          <PersonFactsFields
            values={facts}
            onChange={(patch) => setFacts((f) => ({ ...f, ...patch }))}
            label={(fact) => t(`correct.${fact}`)}
            option={(key) => t(key as 'genders.female')}
            error={fieldError}
            notSaid={t('new.notSaid', { ns: 'support' })}
            optional={false}
            languages={languages.data}
          />
        </div>
      </Fieldset>
      <Field label={t('correct.impasse')} error={fieldError('impasse')}>
        <textarea
          name="impasse"
          rows={5}
          maxLength={5000}
          required
          value={impasse}
          onChange={(e) => setImpasse(e.target.value)}
        />
      </Field>
      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={update.isPending}>
          {t('correct.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('correct.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}

/** Organisations the request was referred to: added and removed as a correction (versioned). */
export function FollowUpReferrals({
  request,
  canUpdate,
  onDone,
}: {
  request: SupportRequest;
  canUpdate: boolean;
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation('support-follow-up');
  const locale = useLocale();
  const update = useEditConflict(useUpdateSupportRequest());
  const [picked, setPicked] = useState<OrganisationRef | null>(null);
  const ids = request.referrals.map((o) => o.id);
  const known = [
    ...request.referrals,
    ...((update.conflict?.current as SupportRequest | undefined)?.referrals ?? []),
    ...(picked ? [picked] : []),
  ];
  const nameOf = (id: string) => {
    const o = known.find((k) => k.id === id);
    return o ? organisationName(o, locale) : id;
  };
  const save = (next: string[], text: string) =>
    update.mutate(
      { base: request, body: { referralOrganisationIds: next } },
      {
        onSuccess: () => {
          setPicked(null);
          onDone(text);
        },
      },
    );
  return (
    <section className="panel" aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('referrals.title')}</h2>
      <ErrorAlert error={update.error} />
      <EditConflict
        edit={update}
        label={() => t('correct.referralOrganisationIds')}
        display={(_field, value) => (value as string[]).map(nameOf).join(', ')}
      />
      {request.referrals.length ? (
        <ul className="plain-list" data-testid="request-referrals">
          {request.referrals.map((o) => (
            <li key={o.id} className="button-row">
              <span>{organisationName(o, locale)}</span>
              {canUpdate && (
                <button
                  type="button"
                  className="button--small"
                  disabled={update.isPending}
                  onClick={() =>
                    save(
                      ids.filter((id) => id !== o.id),
                      t('referrals.removed', { name: organisationName(o, locale) }),
                    )
                  }
                >
                  {t('referrals.remove', { name: organisationName(o, locale) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('referrals.none')}</p>
      )}
      {canUpdate && (
        <form
          className="form"
          noValidate
          aria-label={t('referrals.add')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!picked || ids.includes(picked.id)) return;
            save([...ids, picked.id], t('referrals.added', { name: organisationName(picked, locale) }));
          }}
        >
          <OrganisationPicker
            label={t('referrals.organisation')}
            value={picked}
            onChange={setPicked}
            error={fieldErrorOf({}, update.error)('referralOrganisationIds')}
          />
          <div className="form__actions">
            <button type="submit" className="button--primary" disabled={!picked || update.isPending}>
              {t('referrals.add')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
