import frAccount from './fr/account.json';
import frAudit from './fr/audit.json';
import frAuth from './fr/auth.json';
import frCommon from './fr/common.json';
import frDirectory from './fr/directory.json';
import frErrors from './fr/errors.json';
import frReference from './fr/reference.json';
import frUsers from './fr/users.json';
import nlAccount from './nl/account.json';
import nlAudit from './nl/audit.json';
import nlAuth from './nl/auth.json';
import nlCommon from './nl/common.json';
import nlDirectory from './nl/directory.json';
import nlErrors from './nl/errors.json';
import nlReference from './nl/reference.json';
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
  },
} as const;

export const namespaces = Object.keys(resources.fr) as (keyof typeof resources.fr)[];
