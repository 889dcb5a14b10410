import { Type, type Static } from 'typebox';

import { LOCALES } from './locales.js';

export { LOCALE_COOKIE, LOCALES } from './locales.js';
export const Locale = Type.Enum(LOCALES);
export type Locale = Static<typeof Locale>;

export const Uuid = Type.String({ format: 'uuid' });
/**
 * The id a client may choose for a record it creates (a UUID it made, e.g. crypto.randomUUID()):
 * the same create sent again with the same id answers the record already made instead of making
 * a second one (decision 18). Every create body spreads it.
 */
export const ClientId = {
  id: Type.Optional(
    Type.String({
      format: 'uuid',
      description:
        'Optional id chosen by the client: the same create sent again with it answers the record already made (Idempotent-Replay: true); with another body, or an id already used, 409',
    }),
  ),
};

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const IsoDateTime = Type.String({ format: 'date-time' });

/** Query fields every paginated list accepts. */
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const PageMeta = {
  total: Type.Integer({ minimum: 0 }),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
};
