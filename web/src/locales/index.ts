import frAccount from './fr/account.json';
import frAssociation from './fr/association.json';
import frAudit from './fr/audit.json';
import frAuth from './fr/auth.json';
import frCommon from './fr/common.json';
import frDirectory from './fr/directory.json';
import frErrors from './fr/errors.json';
import frImports from './fr/imports.json';
import frIntervision from './fr/intervision.json';
import frReference from './fr/reference.json';
import frRepresentation from './fr/representation.json';
import frUsers from './fr/users.json';
import nlAccount from './nl/account.json';
import nlAssociation from './nl/association.json';
import nlAudit from './nl/audit.json';
import nlAuth from './nl/auth.json';
import nlCommon from './nl/common.json';
import nlDirectory from './nl/directory.json';
import nlErrors from './nl/errors.json';
import nlImports from './nl/imports.json';
import nlIntervision from './nl/intervision.json';
import nlReference from './nl/reference.json';
import nlRepresentation from './nl/representation.json';
import nlUsers from './nl/users.json';

/** Bundled, not fetched: a few kilobytes, and the sign-in page must never wait for them. */
export const resources = {
  fr: {
    common: frCommon,
    auth: frAuth,
    errors: frErrors,
    users: frUsers,
    audit: frAudit,
    account: frAccount,
    directory: frDirectory,
    reference: frReference,
    association: frAssociation,
    imports: frImports,
    intervision: frIntervision,
    representation: frRepresentation,
  },
  nl: {
    common: nlCommon,
    auth: nlAuth,
    errors: nlErrors,
    users: nlUsers,
    audit: nlAudit,
    account: nlAccount,
    directory: nlDirectory,
    reference: nlReference,
    association: nlAssociation,
    imports: nlImports,
    intervision: nlIntervision,
    representation: nlRepresentation,
  },
} as const;

export const namespaces = Object.keys(resources.fr) as (keyof typeof resources.fr)[];
