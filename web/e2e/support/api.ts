import type {
  CreateSupervisionBody,
  CreateTrainingEditionBody,
  CreateTrainingModuleBody,
  CreateTrainingParticipantBody,
  TrainingEdition,
  TrainingModule,
  TrainingParticipant,
  Supervision,
  CreateCycleBody,
  CreateGroupBody,
  CreateMembershipBody,
  CreateOrganisationBody,
  CreatePersonBody,
  CreateRegistrationBody,
  CreateRepresentationMeetingBody,
  CreateSavedReportBody,
  CreateSessionBody,
  CreateSupportInterventionBody,
  CreateSupportRequestBody,
  CreateUserBody,
  Cycle,
  Group,
  GroupDetail,
  Membership,
  Organisation,
  PaymentInput,
  Person,
  PersonList,
  ReferenceKind,
  ReferenceList,
  Registration,
  RetentionRun,
  RepresentationMeeting,
  SavedReport,
  Session,
  LoginResponse,
  RecoveryCodes,
  SessionResponse,
  SupportFirstAnswerBody,
  SupportRequest,
  TotpSetup,
  User,
  UserList,
  UpdateSessionBody,
  UpdateSupervisionBody,
  UpdateTrainingModuleBody,
  UpdateUserBody,
} from '@smes/shared';
import { inject } from 'vitest';
import { nextCode, secrets } from './totp';

/**
 * Arranging data straight through the API, for tests whose subject is elsewhere. Talks to the
 * server directly (no browser), with a bearer token; no cookie involved.
 */
async function call<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const res = await fetch(`${inject('apiUrl')}${path}`, {
    ...rest,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}`, 'x-purpose': 'administration' } : {}),
      // Arranging data: whatever version the record is at (the SPA itself sends the one it read).
      ...(rest.method === 'PATCH' || rest.method === 'PUT' ? { 'if-match': '*' } : {}),
    },
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function adminToken(): Promise<string> {
  const session = await call<SessionResponse>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  });
  return session.accessToken;
}

export async function createUser(body: CreateUserBody): Promise<User> {
  return call<User>('/api/users', { method: 'POST', body: JSON.stringify(body), token: await adminToken() });
}

/** An administrator changing an account (disabling it, taking a pole away), as from the users page. */
export async function updateUser(id: string, body: UpdateUserBody): Promise<User> {
  return call<User>(`/api/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}

export async function findUserByEmail(email: string): Promise<User | undefined> {
  const list = await call<UserList>(`/api/users?q=${encodeURIComponent(email)}&includeDisabled=true`, {
    token: await adminToken(),
  });
  return list.items.find((u) => u.email === email);
}

/** Ends every session of a user, as an administrator does from the users page. */
export async function endSessions(userId: string): Promise<void> {
  await call<unknown>(`/api/users/${encodeURIComponent(userId)}/sessions`, {
    method: 'DELETE',
    token: await adminToken(),
  });
}

/** A unique address per run and test, so tests never collide on `email: taken`. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@smes.test`;
}

/** Good enough for the API's strength check: long and not a common password. */
export const USER_PASSWORD = 'Marolles-Brouette-Tilleul-42';

export async function adminDisplayName(): Promise<string> {
  const me = await call<{ displayName: string }>('/api/me', { token: await adminToken() });
  return me.displayName;
}

/** The id of a reference item by its stable code (`sector`, `mental_health`). */
export async function referenceId(kind: ReferenceKind, code: string): Promise<string> {
  const list = await call<ReferenceList>(`/api/reference/${kind}?includeRetired=true`, {
    token: await adminToken(),
  });
  const item = list.items.find((i) => i.code === code);
  if (!item) throw new Error(`No ${kind} with code ${code}`);
  return item.id;
}

export async function createOrganisation(body: CreateOrganisationBody): Promise<Organisation> {
  return call<Organisation>('/api/organisations', {
    method: 'POST',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}

export async function createPerson(body: CreatePersonBody): Promise<Person> {
  return call<Person>('/api/people', {
    method: 'POST',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}

/** Erases a person (art. 17), as an administrator would from the person's page. */
export async function erasePerson(id: string): Promise<void> {
  await call(`/api/people/${encodeURIComponent(id)}/erasure`, {
    method: 'POST',
    body: '{}',
    token: await adminToken(),
  });
}

/**
 * Enrols a user's second factor through the API as the enrolment page would (a first code from
 * the secret), and remembers the secret so that `signIn` can answer the code step.
 */
export async function enrolSecondFactor(email: string, password: string): Promise<RecoveryCodes> {
  const session = await call<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  if ('mfaRequired' in session) throw new Error(`${email} has a second factor already`);
  const token = session.accessToken;
  const setup = await call<TotpSetup>('/api/me/mfa/setup', { method: 'POST', body: '{}', token });
  const codes = await call<RecoveryCodes>('/api/me/mfa/confirm', {
    method: 'POST',
    body: JSON.stringify({ code: await nextCode(setup.secret) }),
    token,
  });
  secrets.set(email, setup.secret);
  // Signs out again, leaving no session behind (tests count the user's sessions).
  await fetch(`${inject('apiUrl')}/api/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{}',
  });
  return codes;
}

/**
 * A coordinator or worker of one pole, to see a screen as that role does. Support and Housing
 * First accounts must have a second factor: they are enrolled, and `signIn` answers the code.
 */
export async function createPoleUser(
  role: 'coordinator' | 'worker',
  pole: 'connect' | 'support' | 'housing_first',
  displayName: string,
  locale?: 'fr' | 'nl',
): Promise<{ email: string; name: string; id: string }> {
  const email = uniqueEmail(`${role}.${pole}`);
  const user = await createUser({
    email,
    displayName,
    role,
    poles: [pole],
    password: USER_PASSWORD,
    ...(locale ? { locale } : {}),
  });
  if (pole !== 'connect') await enrolSecondFactor(email, USER_PASSWORD);
  return { email, name: displayName, id: user.id };
}

/** A membership period (an organisation or a person a member from `startsOn`). */
export async function createMembership(body: CreateMembershipBody): Promise<Membership> {
  return call<Membership>('/api/members', {
    method: 'POST',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}

/** Intervision records, arranged as the admin (for tests whose subject is a later step). */
async function post<T>(path: string, body: unknown): Promise<T> {
  return call<T>(path, { method: 'POST', body: JSON.stringify(body), token: await adminToken() });
}

export const createCycle = (body: CreateCycleBody) => post<Cycle>('/api/intervision/cycles', body);
export const createGroup = (body: CreateGroupBody) => post<Group>('/api/intervision/groups', body);
export const createSession = (body: CreateSessionBody) => post<Session>('/api/intervision/sessions', body);
export const createRegistration = (body: CreateRegistrationBody) =>
  post<Registration>('/api/intervision/registrations', body);
/** A pass of intervision's retention policy now, as the Intervision page's button runs it. */
export const runIntervisionRetention = () => post<RetentionRun>('/api/intervision/retention-runs', {});

export const createMeeting = (body: CreateRepresentationMeetingBody) =>
  post<RepresentationMeeting>('/api/representation-meetings', body);

/** A supervision of a team, as a Support worker (here the admin) records it. */
export const createSupervision = (body: CreateSupervisionBody) =>
  post<Supervision>('/api/support/supervisions', body);

/** A supervision as the API holds it now, with its sessions. */
export async function getSupervision(id: string): Promise<Supervision> {
  return call<Supervision>(`/api/support/supervisions/${encodeURIComponent(id)}`, {
    token: await adminToken(),
  });
}

/** Someone else correcting a supervision's agreement meanwhile (whatever its version). */
export async function updateSupervision(id: string, body: UpdateSupervisionBody): Promise<Supervision> {
  return call<Supervision>(`/api/support/supervisions/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}

export const createTrainingModule = (body: CreateTrainingModuleBody) =>
  post<TrainingModule>('/api/support/trainings/modules', body);
/** A colleague correcting a module's titles meanwhile (whatever its version). */
export async function updateTrainingModule(
  id: string,
  body: UpdateTrainingModuleBody,
): Promise<TrainingModule> {
  return call<TrainingModule>(`/api/support/trainings/modules/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    token: await adminToken(),
  });
}
export const createTrainingEdition = (body: CreateTrainingEditionBody) =>
  post<TrainingEdition>('/api/support/trainings/editions', body);
export const addTrainingParticipant = (editionId: string, body: CreateTrainingParticipantBody) =>
  post<TrainingParticipant>(
    `/api/support/trainings/editions/${encodeURIComponent(editionId)}/participants`,
    body,
  );

/** An edition as the API holds it now, with its days' attendance and its participants. */
export async function getTrainingEdition(id: string): Promise<TrainingEdition> {
  return call<TrainingEdition>(`/api/support/trainings/editions/${encodeURIComponent(id)}`, {
    token: await adminToken(),
  });
}

/** A colleague recording a participant's payment meanwhile (whatever its version). */
export async function payTrainingParticipant(
  id: string,
  payment: PaymentInput,
): Promise<TrainingParticipant> {
  return call<TrainingParticipant>(`/api/support/trainings/participants/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify({ payment }),
    token: await adminToken(),
  });
}

/** A colleague saving a training day's attendance meanwhile (whatever the edition's version). */
export async function setTrainingAttendance(editionId: string, sessionId: string, participantIds: string[]) {
  return call<TrainingEdition>(
    `/api/support/trainings/editions/${encodeURIComponent(editionId)}/sessions/${encodeURIComponent(sessionId)}/attendance`,
    { method: 'PUT', body: JSON.stringify({ participantIds }), token: await adminToken() },
  );
}

/** Merges a duplicate person into the one kept, as the admin would from the directory. */
export const mergePeople = (keepId: string, duplicateId: string) =>
  post<unknown>(`/api/people/${encodeURIComponent(keepId)}/merge`, { duplicateId });

/** Deletes a representation meeting behind the page's back, as a colleague would. */
export async function deleteMeeting(id: string): Promise<void> {
  const res = await fetch(`${inject('apiUrl')}/api/representation-meetings/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${await adminToken()}` },
  });
  if (!res.ok) throw new Error(`DELETE meeting ${id} → ${res.status} ${await res.text()}`);
}

/** What the API holds for a group now, whatever a page shows from its cache. */
/** The organisation as it is now, straight from the API. */
export async function getOrganisation(id: string): Promise<Organisation> {
  return call<Organisation>(`/api/organisations/${encodeURIComponent(id)}`, { token: await adminToken() });
}

/** A person as the API holds them now. */
export async function getPerson(id: string): Promise<Person> {
  return call<Person>(`/api/people/${encodeURIComponent(id)}`, { token: await adminToken() });
}

/** The people whose names match `q`, as the directory's search finds them. */
export async function findPeople(q: string): Promise<PersonList['items']> {
  const list = await call<PersonList>(`/api/people?q=${encodeURIComponent(q)}`, {
    token: await adminToken(),
  });
  return list.items;
}

export async function getGroupDetail(id: string): Promise<GroupDetail> {
  return call<GroupDetail>(`/api/intervision/groups/${encodeURIComponent(id)}`, {
    token: await adminToken(),
  });
}

export const updateSession = async (id: string, body: UpdateSessionBody) =>
  call<Session>(`/api/intervision/sessions/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    token: await adminToken(),
  });

/** Who was present at a session (the registrations' ids), as the attendance form saves it. */
export const setAttendance = async (sessionId: string, registrationIds: string[]) =>
  call<unknown>(`/api/intervision/sessions/${encodeURIComponent(sessionId)}/attendance`, {
    method: 'PUT',
    body: JSON.stringify({ registrationIds }),
    token: await adminToken(),
  });

/** The administrator's language, which the SPA takes from the account once signed in. */
export async function setAdminLocale(locale: 'fr' | 'nl'): Promise<void> {
  await call<unknown>('/api/me', {
    method: 'PATCH',
    body: JSON.stringify({ locale }),
    token: await adminToken(),
  });
}

/** A report saved as sent (the server computes its figures). */
export const saveReport = (body: CreateSavedReportBody) => post<SavedReport>('/api/reports', body);

/** A Support request taken through the API (as an administrator may), for a page that follows it up. */
export const createSupportRequest = (body: CreateSupportRequestBody) =>
  post<SupportRequest>('/api/support/requests', body);

/** A Support request as the API holds it now. */
export async function getSupportRequest(id: string): Promise<SupportRequest> {
  return call<SupportRequest>(`/api/support/requests/${encodeURIComponent(id)}`, {
    token: await adminToken(),
  });
}

/** An intervention by a pair of Support workers, recorded on a request through the API. */
export const addSupportIntervention = (requestId: string, body: CreateSupportInterventionBody) =>
  post<SupportRequest>(`/api/support/requests/${encodeURIComponent(requestId)}/interventions`, body);

/** A request's first answer (by a Support worker), recorded through the API. */
export const recordSupportFirstAnswer = (requestId: string, body: SupportFirstAnswerBody) =>
  post<SupportRequest>(`/api/support/requests/${encodeURIComponent(requestId)}/first-answer`, body);
