import { Type, type Static } from 'typebox';
import { Uuid } from './common.js';

/*
 * The atoms every module's schemas are made of, declared once here (issue 9). Money's atoms
 * (Amount, the default intervision fees) live beside their helper in money.ts.
 */

/** One of a list's values (a `... as const` list): the schema, typed as the list's union. */
export const literalEnum = <T extends string>(values: readonly T[]) => Type.Enum(values as [T, ...T[]]);

/** A calendar day, `yyyy-mm-dd`. */
export const IsoDate = Type.String({ format: 'date' });

/** A period, both days included: spread `PeriodFields` into a schema that takes one. */
export const PeriodFields = { from: IsoDate, to: IsoDate };
export const Period = Type.Object(PeriodFields);
export type Period = Static<typeof Period>;

/** An organisation as other records name it: it may have a French name, a Dutch one or both. */
export const OrganisationRef = Type.Object({
  id: Uuid,
  nameFr: Type.Union([Type.String(), Type.Null()]),
  nameNl: Type.Union([Type.String(), Type.Null()]),
});
export type OrganisationRef = Static<typeof OrganisationRef>;

/** A person as other records name them. */
export const PersonRef = Type.Object({ id: Uuid, firstName: Type.String(), lastName: Type.String() });
export type PersonRef = Static<typeof PersonRef>;

/**
 * An organisation's name in a language: that language's name, else the other one (an
 * organisation may have only one), else ''. The SPA, calendars and the API's records use it.
 */
export function organisationName(
  org: { nameFr: string | null; nameNl: string | null },
  language: 'fr' | 'nl',
): string {
  const [first, second] = language === 'nl' ? [org.nameNl, org.nameFr] : [org.nameFr, org.nameNl];
  return first?.trim() || second?.trim() || '';
}
