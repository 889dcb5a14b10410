import type { ImportKind } from '@smes/shared';
import type { FieldSpec } from './reader/index.js';

/**
 * The columns each import fills. `headerFr` / `headerNl` are the titles of the downloadable
 * templates; `aliases` are the other titles partners use, in French, Dutch and English (matched
 * without case, accents or punctuation). Documented in docs/imports.md.
 */
export interface ImportField extends FieldSpec {
  headerFr: string;
  headerNl: string;
}

const f = (
  key: string,
  type: FieldSpec['type'],
  headerFr: string,
  headerNl: string,
  aliases: string[],
  required = false,
): ImportField => ({ key, type, headerFr, headerNl, aliases: [headerFr, headerNl, ...aliases], required });

const externalRef = f('externalRef', 'text', 'Référence', 'Referentie', [
  'ref',
  'id',
  'code',
  'numéro',
  'nummer',
  'external ref',
  'reference',
]);
const email = f('email', 'email', 'E-mail', 'E-mail', [
  'courriel',
  'mail',
  'adresse e-mail',
  'e-mailadres',
  'email address',
]);
const phone = f('phone', 'text', 'Téléphone', 'Telefoon', [
  'tél',
  'tel',
  'gsm',
  'phone',
  'telephone number',
  'telefoonnummer',
]);

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  organisations: [
    externalRef,
    f('nameFr', 'text', 'Nom', 'Franse naam', [
      'nom fr',
      'nom français',
      'dénomination',
      'name fr',
      'french name',
      'institution',
      'organisation',
    ]),
    f('nameNl', 'text', 'Nom néerlandais', 'Naam', [
      'naam nl',
      'nederlandse naam',
      'benaming',
      'name nl',
      'dutch name',
      'organisatie',
      'instelling',
    ]),
    f('sectors', 'list', 'Secteurs', 'Sectoren', ['secteur', 'sector', 'sectors']),
    f('types', 'list', "Types d'organisation", 'Organisatietypes', [
      'type',
      'types',
      'soort',
      'organisatietype',
      'organisation type',
    ]),
    f('street', 'text', 'Adresse', 'Adres', ['rue', 'straat', 'address', 'street']),
    f('postalCode', 'text', 'Code postal', 'Postcode', ['cp', 'postal code', 'zip']),
    f('commune', 'text', 'Commune', 'Gemeente', ['localité', 'ville', 'stad', 'municipality', 'city']),
    f('languages', 'list', 'Langues', 'Talen', ['langue', 'taal', 'language', 'languages']),
    phone,
    email,
    f('website', 'text', 'Site web', 'Website', ['site', 'url', 'web']),
    f('notes', 'text', 'Remarques', 'Opmerkingen', ['notes', 'commentaire', 'remarks', 'comments']),
  ],
  people: [
    externalRef,
    f('firstName', 'text', 'Prénom', 'Voornaam', ['first name', 'firstname', 'given name'], true),
    f(
      'lastName',
      'text',
      'Nom',
      'Achternaam',
      ['nom de famille', 'familienaam', 'naam', 'last name', 'surname'],
      true,
    ),
    email,
    phone,
    f('language', 'text', 'Langue', 'Taal', ['language']),
    f('organisation', 'text', 'Organisation', 'Organisatie', [
      'institution',
      'service',
      'structure',
      'instelling',
      'dienst',
      'employer',
      'organisation ref',
    ]),
    f('function', 'text', 'Fonction', 'Functie', ['poste', 'job title', 'function', 'rôle']),
    f('startsOn', 'date', 'Depuis le', 'Sinds', [
      'date de début',
      'début',
      'vanaf',
      'startdatum',
      'start date',
      'since',
    ]),
  ],
  members: [
    f('organisation', 'text', 'Organisation', 'Organisatie', [
      'institution',
      'instelling',
      'membre',
      'lid',
      'member',
    ]),
    f('firstName', 'text', 'Prénom', 'Voornaam', ['first name']),
    f('lastName', 'text', 'Nom', 'Achternaam', ['naam', 'last name']),
    email,
    f(
      'startsOn',
      'date',
      'Membre depuis',
      'Lid sinds',
      ['depuis', 'sinds', 'date adhésion', 'toetreding', 'member since', 'start'],
      true,
    ),
    f('endsOn', 'date', "Fin d'adhésion", 'Lid tot', [
      'jusqu’au',
      "jusqu'au",
      'tot',
      'einde',
      'end',
      'member until',
    ]),
  ],
};
