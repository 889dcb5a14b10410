import { useState } from 'react';
import type { ReactElement } from 'react';

/** A version 4 UUID; `crypto.randomUUID` exists only on secure pages (HTTPS or localhost). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ClientId {
  /** The id the record will have: sent as `id` with every attempt of the create (decision 18). */
  id: string;
  /**
   * Put inside the form: an unseen field holding the id, so the form's draft keeps it and a
   * restored draft sends the id of the first attempt (it may have reached the server).
   */
  field: ReactElement;
}

/**
 * The id of the record a create form makes, made once when the form opens and kept across
 * retries (a double click, a resend after a timeout), so the server makes one record
 * (decision 18): `create.mutate({ ...body, id: clientId.id })`.
 */
export function useClientId(): ClientId {
  const [id, setId] = useState(newClientId);
  return {
    id,
    field: (
      <input
        type="text"
        name="clientId"
        hidden
        readOnly
        tabIndex={-1}
        aria-hidden="true"
        value={id}
        onChange={(e) => setId(e.target.value)}
      />
    ),
  };
}
