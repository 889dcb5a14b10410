/**
 * Drafts of open forms, kept in IndexedDB and encrypted (AES-GCM, 256 bits) under a key the
 * browser generates per user and keeps as a non-extractable CryptoKey in the same database: the
 * page can use it but no script can read its bytes out, and the stored drafts are ciphertext.
 * Never localStorage or sessionStorage. Each draft is bound to its own id (additional data), so
 * a ciphertext moved under another form's id does not decrypt.
 *
 * One user's drafts at a time on a device: `claimDrafts` (at every sign-in) wipes drafts and key
 * when another user held them, and `wipeDrafts` (at sign-out) removes them all.
 *
 * Every operation goes through one queue, so a wipe is never overtaken by a save started before
 * it, and a draft read at sign-in waits for the claim.
 */

const DB_NAME = 'smes-drafts';
const DB_VERSION = 1;
const KEYS = 'keys';
const DRAFTS = 'drafts';

/** What a form's fields held, by field key (see form-fields.ts). */
export type DraftValues = Record<string, string | boolean | string[]>;

/** Where a draft belongs: one user, one page, one form, and for an edit form one record version. */
export interface DraftAddress {
  userId: string;
  path: string;
  formId: string;
  recordId?: string;
  version?: number;
}

interface StoredKey {
  userId: string;
  key: CryptoKey;
}

interface StoredDraft {
  id: string;
  userId: string;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
  savedAt: string;
}

export function draftId(address: DraftAddress): string {
  const { userId, path, formId, recordId = '', version } = address;
  return [userId, path, formId, recordId, version === undefined ? '' : String(version)].join('|');
}

function available(): boolean {
  return typeof indexedDB !== 'undefined' && typeof crypto !== 'undefined' && !!crypto.subtle;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS, { keyPath: 'userId' });
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS, { keyPath: 'id' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB refused to open'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** Runs `body` in one transaction over `stores`, resolving once it has committed. */
async function inTransaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const db = await open();
  return new Promise<T | undefined>((resolve, reject) => {
    const tx = db.transaction(stores, mode);
    const request = body(tx);
    tx.oncomplete = () => resolve(request ? request.result : undefined);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

let queue: Promise<unknown> = Promise.resolve();

/** One operation at a time, in the order asked; a failed one does not stop the next. */
function enqueue<T>(operation: () => Promise<T>): Promise<T> {
  const next = queue.then(operation, operation);
  queue = next.catch(() => undefined);
  return next;
}

/** The signed-in user's key, once read or made. */
let cached: StoredKey | null = null;

async function keyFor(userId: string, create: boolean): Promise<CryptoKey | null> {
  if (cached?.userId === userId) return cached.key;
  const stored = await inTransaction<StoredKey | undefined>([KEYS], 'readonly', (tx) =>
    tx.objectStore(KEYS).get(userId),
  );
  if (stored) {
    cached = stored;
    return stored.key;
  }
  if (!create) return null;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await inTransaction([KEYS], 'readwrite', (tx) => {
    tx.objectStore(KEYS).put({ userId, key } satisfies StoredKey);
  });
  cached = { userId, key };
  return key;
}

async function clearAll(): Promise<void> {
  cached = null;
  await inTransaction([KEYS, DRAFTS], 'readwrite', (tx) => {
    tx.objectStore(KEYS).clear();
    tx.objectStore(DRAFTS).clear();
  });
}

/**
 * At every sign-in: if another user's key (and so drafts) is on this device, everything is
 * wiped first; then this user's key is made if there is none yet.
 */
export function claimDrafts(userId: string): Promise<void> {
  if (!available()) return Promise.resolve();
  return enqueue(async () => {
    const owners = await inTransaction<IDBValidKey[]>([KEYS], 'readonly', (tx) =>
      tx.objectStore(KEYS).getAllKeys(),
    );
    if ((owners ?? []).some((owner) => owner !== userId)) await clearAll();
    await keyFor(userId, true);
  });
}

/** At sign-out: every draft and the key are gone. */
export function wipeDrafts(): Promise<void> {
  if (!available()) return Promise.resolve();
  return enqueue(clearAll);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function saveDraft(address: DraftAddress, values: DraftValues): Promise<void> {
  if (!available()) return Promise.resolve();
  return enqueue(async () => {
    // No key: the user was wiped (signed out) meanwhile; nothing of theirs may be written.
    const key = await keyFor(address.userId, false);
    if (!key) return;
    const id = draftId(address);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
      key,
      encoder.encode(JSON.stringify(values)),
    );
    const draft: StoredDraft = { id, userId: address.userId, iv, data, savedAt: new Date().toISOString() };
    await inTransaction([DRAFTS], 'readwrite', (tx) => {
      tx.objectStore(DRAFTS).put(draft);
    });
  });
}

/** The draft's values, or null (none, another user's, or not decryptable: then it is removed). */
export function loadDraft(address: DraftAddress): Promise<DraftValues | null> {
  if (!available()) return Promise.resolve(null);
  return enqueue(async () => {
    const key = await keyFor(address.userId, false);
    if (!key) return null;
    const id = draftId(address);
    const draft = await inTransaction<StoredDraft | undefined>([DRAFTS], 'readonly', (tx) =>
      tx.objectStore(DRAFTS).get(id),
    );
    if (!draft || draft.userId !== address.userId) return null;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: draft.iv, additionalData: encoder.encode(id) },
        key,
        draft.data,
      );
      return JSON.parse(decoder.decode(plain)) as DraftValues;
    } catch {
      await inTransaction([DRAFTS], 'readwrite', (tx) => {
        tx.objectStore(DRAFTS).delete(id);
      });
      return null;
    }
  });
}

export function deleteDraft(address: DraftAddress): Promise<void> {
  if (!available()) return Promise.resolve();
  return enqueue(async () => {
    await inTransaction([DRAFTS], 'readwrite', (tx) => {
      tx.objectStore(DRAFTS).delete(draftId(address));
    });
  });
}

/**
 * Drops every draft this user keeps about one record, whatever its page, form or version: the
 * record answered erased or not found (decision 31), so nothing typed about it may come back.
 * Answers how many were dropped.
 */
export function dropDraftsOfRecord(userId: string, recordId: string): Promise<number> {
  if (!available() || !recordId) return Promise.resolve(0);
  return enqueue(async () => {
    const ids = await inTransaction<IDBValidKey[]>([DRAFTS], 'readonly', (tx) =>
      tx.objectStore(DRAFTS).getAllKeys(),
    );
    // An id is `user|path|form|record|version` (draftId); a path holds no `|`.
    const theirs = (ids ?? []).filter((id): id is string => {
      if (typeof id !== 'string') return false;
      const parts = id.split('|');
      return parts[0] === userId && parts.at(-2) === recordId;
    });
    if (theirs.length === 0) return 0;
    await inTransaction([DRAFTS], 'readwrite', (tx) => {
      for (const id of theirs) tx.objectStore(DRAFTS).delete(id);
    });
    return theirs.length;
  });
}
