import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import {
  organisationName,
  SUPPORT_CHANNELS,
  SUPPORT_INITIALS_PATTERN,
  SUPPORT_REQUESTER_KINDS,
} from '@smes/shared';
import type {
  CreateSupportRequestBody,
  FieldErrorCode,
  OrganisationRef,
  PersonSummary,
  SupportPerson,
  SupportRequest,
  SupportRequesterKind,
} from '@smes/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Field, Fieldset } from '@/components/form-field';
import { OrganisationPicker, PersonPicker } from '@/features/directory';
import { useReferenceItems } from '@/features/reference';
import { useClientId } from '@/hooks/use-client-id';
import { useLocale } from '@/hooks/use-locale';
import { isApiError } from '@/lib/api-client';
import { DraftForm } from '@/lib/drafts';
import { useCreateRequest } from '../api/create-request';
import { localDateTime } from './local-date-time';
import { PersonConcernedPicker } from './person-concerned-picker';
import { PersonFactsFields } from './person-facts-fields';

interface RequestFormProps {
  onSaved: (request: SupportRequest) => void;
  onCancel: () => void;
}

const OTHER = 'other';
const INITIALS = new RegExp(SUPPORT_INITIALS_PATTERN);

/**
 * Taking a request on the phone, on one screen: when and how it came, who asks (a worker from
 * the directory with their organisation, or a relative, a neighbour… with a way to call back),
 * the person concerned (found again by code or initials, or new: a few optional facts, never a
 * name) and the impasse in the requester's words. Five things are required; the rest is folded.
 */
export function RequestForm({ onSaved, onCancel }: RequestFormProps) {
  const { t } = useTranslation('support');
  const locale = useLocale();
  const create = useCreateRequest();
  const clientId = useClientId();
  const languages = useReferenceItems('language');
  const [receivedAt, setReceivedAt] = useState(localDateTime);
  const [channel, setChannel] = useState('phone');
  const [kind, setKind] = useState<SupportRequesterKind>('professional');
  const [worker, setWorker] = useState<PersonSummary | null>(null);
  const [choice, setChoice] = useState<string>(OTHER);
  const [otherOrganisation, setOtherOrganisation] = useState<OrganisationRef | null>(null);
  const [name, setName] = useState('');
  const [callBack, setCallBack] = useState('');
  const [personMode, setPersonMode] = useState<'new' | 'known'>('new');
  const [known, setKnown] = useState<SupportPerson | null>(null);
  const [person, setPerson] = useState({ initials: '', gender: '', ageBand: '', housing: '', language: '' });
  const [impasse, setImpasse] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  // The person's details fold is controlled so that bad initials, which block sending, are shown.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const initialsRef = useRef<HTMLInputElement>(null);

  const offered = worker?.organisations ?? [];
  const organisation = choice === OTHER ? otherOrganisation : (offered.find((o) => o.id === choice) ?? null);
  const professional = kind === 'professional';
  const initialsBad = person.initials.trim() !== '' && !INITIALS.test(person.initials.trim());

  /** The API's error on `path` (`requester/name`) or below it; else one found missing here. */
  const errorAt = (path: string): FieldErrorCode | null => {
    if (missing[path]) return 'required';
    if (!isApiError(create.error)) return null;
    const hit = create.error.errors.find((e) => {
      const field = e.field.replace(/^\/+/, '').replace(/\./g, '/');
      return field === path || field.startsWith(`${path}/`);
    });
    return hit?.code ?? null;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Record<string, boolean> = {
      receivedAt: !receivedAt,
      'requester/personId': professional && !worker,
      'requester/organisationId': professional && !organisation,
      'requester/name': !professional && !name.trim(),
      'requester/callBack': !professional && !callBack.trim(),
      'person/id': personMode === 'known' && !known,
      impasse: !impasse.trim(),
    };
    setMissing(found);
    // Initials count only for a new person (a known one is sent by id).
    const badInitials = initialsBad && personMode === 'new';
    if (badInitials) {
      setDetailsOpen(true);
      requestAnimationFrame(() => initialsRef.current?.focus());
    }
    if (Object.values(found).some(Boolean) || badInitials) return;
    const body: CreateSupportRequestBody = {
      id: clientId.id,
      receivedAt: new Date(receivedAt).toISOString(),
      channel: channel as CreateSupportRequestBody['channel'],
      requester: professional
        ? { kind, personId: worker!.id, organisationId: organisation!.id }
        : { kind, name: name.trim(), callBack: callBack.trim() },
      person:
        personMode === 'known'
          ? { id: known!.id }
          : {
              ...(person.initials.trim() ? { initials: person.initials.trim() } : {}),
              ...(person.gender ? { gender: person.gender as SupportPerson['gender'] } : {}),
              ...(person.ageBand ? { ageBand: person.ageBand as SupportPerson['ageBand'] } : {}),
              ...(person.housing ? { housing: person.housing as SupportPerson['housing'] } : {}),
              ...(person.language ? { language: person.language } : {}),
            },
      impasse: impasse.trim(),
    };
    create.mutate(body, { onSuccess: onSaved });
  };

  const clear = (path: string) => setMissing((m) => ({ ...m, [path]: false }));
  const setPersonField = (patch: Partial<typeof person>) => setPerson((p) => ({ ...p, ...patch }));

  return (
    <DraftForm
      draft={{ id: 'support-request' }}
      className="form form--grid"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('new.title')}
    >
      {clientId.field}
      <ErrorAlert error={create.error} />
      <Field label={t('new.receivedAt')} error={errorAt('receivedAt')}>
        <input
          name="receivedAt"
          type="datetime-local"
          required
          value={receivedAt}
          onChange={(e) => {
            setReceivedAt(e.target.value);
            clear('receivedAt');
          }}
        />
      </Field>
      <Field label={t('new.channel')} error={errorAt('channel')}>
        <select name="channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {SUPPORT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="fieldset">
        <legend>{t('new.requester')}</legend>
        <div className="form form--grid">
          <Field label={t('new.requesterKind')} error={errorAt('requester/kind')}>
            <select
              name="requesterKind"
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as SupportRequesterKind);
                setMissing({});
              }}
            >
              {SUPPORT_REQUESTER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`requesterKinds.${k}`)}
                </option>
              ))}
            </select>
          </Field>
          {professional ? (
            <>
              <PersonPicker
                label={t('new.worker')}
                value={worker}
                onChange={(value) => {
                  setWorker(value);
                  setChoice(value?.organisations[0]?.id ?? OTHER);
                  clear('requester/personId');
                }}
                error={errorAt('requester/personId')}
              />
              {offered.length > 0 && (
                <Fieldset legend={t('new.organisation')} error={errorAt('requester/organisationId')}>
                  {offered.map((o) => (
                    <label key={o.id} className="checkbox">
                      <input
                        type="radio"
                        name="organisationChoice"
                        value={o.id}
                        checked={choice === o.id}
                        onChange={() => setChoice(o.id)}
                      />
                      {organisationName(o, locale)}
                    </label>
                  ))}
                  <label className="checkbox">
                    <input
                      type="radio"
                      name="organisationChoice"
                      value={OTHER}
                      checked={choice === OTHER}
                      onChange={() => setChoice(OTHER)}
                    />
                    {t('new.otherOrganisation')}
                  </label>
                </Fieldset>
              )}
              {worker && choice === OTHER && (
                <OrganisationPicker
                  label={offered.length > 0 ? t('new.otherOrganisation') : t('new.organisation')}
                  value={otherOrganisation}
                  onChange={(value) => {
                    setOtherOrganisation(value);
                    clear('requester/organisationId');
                  }}
                  error={errorAt('requester/organisationId')}
                />
              )}
            </>
          ) : (
            <>
              <Field label={t('new.name')} error={errorAt('requester/name')}>
                <input
                  name="requesterName"
                  autoComplete="off"
                  required
                  maxLength={200}
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                    clear('requester/name');
                  }}
                />
              </Field>
              <Field
                label={t('new.callBack')}
                hint={t('new.callBackHint')}
                error={errorAt('requester/callBack')}
              >
                <input
                  name="callBack"
                  type="tel"
                  autoComplete="off"
                  required
                  maxLength={200}
                  value={callBack}
                  onChange={(e) => {
                    setCallBack(e.target.value);
                    clear('requester/callBack');
                  }}
                />
              </Field>
            </>
          )}
        </div>
      </fieldset>

      <fieldset className="fieldset">
        <legend>{t('new.person')}</legend>
        <div className="form form--grid">
          <div className="fieldset__options form__wide">
            <label className="checkbox">
              <input
                type="radio"
                name="personMode"
                value="new"
                checked={personMode === 'new'}
                onChange={() => setPersonMode('new')}
              />
              {t('new.personNew')}
            </label>
            <label className="checkbox">
              <input
                type="radio"
                name="personMode"
                value="known"
                checked={personMode === 'known'}
                onChange={() => setPersonMode('known')}
              />
              {t('new.personKnown')}
            </label>
          </div>
          {personMode === 'known' ? (
            <PersonConcernedPicker
              label={t('new.personSearch')}
              value={known}
              onChange={(value) => {
                setKnown(value);
                clear('person/id');
              }}
              error={errorAt('person/id')}
            />
          ) : (
            <details
              className="form__wide request-form__details"
              open={detailsOpen}
              onToggle={(e) => setDetailsOpen(e.currentTarget.open)}
            >
              <summary>{t('new.personDetails')}</summary>
              <div className="form form--grid">
                <Field
                  label={t('new.initials')}
                  hint={t('new.initialsHint')}
                  error={initialsBad ? 'invalid' : errorAt('person/initials')}
                >
                  <input
                    ref={initialsRef}
                    name="initials"
                    autoComplete="off"
                    maxLength={8}
                    value={person.initials}
                    onChange={(e) => setPersonField({ initials: e.target.value })}
                  />
                </Field>
                <PersonFactsFields
                  values={person}
                  onChange={setPersonField}
                  label={(fact) => t(`new.${fact}`)}
                  option={(key) => t(key as 'genders.female')}
                  error={errorAt}
                  notSaid={t('new.notSaid')}
                  optional
                  languages={languages.data}
                />
              </div>
            </details>
          )}
        </div>
      </fieldset>

      <div className="form__wide">
        <Field label={t('new.impasse')} hint={t('new.impasseHint')} error={errorAt('impasse')}>
          <textarea
            name="impasse"
            rows={3}
            required
            maxLength={5000}
            value={impasse}
            onChange={(e) => {
              setImpasse(e.target.value);
              clear('impasse');
            }}
          />
        </Field>
      </div>

      <div className="form__actions">
        <button type="submit" className="button--primary" disabled={create.isPending}>
          {t('new.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('new.cancel')}
        </button>
      </div>
    </DraftForm>
  );
}
