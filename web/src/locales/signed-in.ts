import frAccount from './fr/account.json';
import frAccounting from './fr/accounting.json';
import frAssociation from './fr/association.json';
import frAudit from './fr/audit.json';
import frDirectory from './fr/directory.json';
import frDrafts from './fr/drafts.json';
import frFigures from './fr/figures.json';
import frHome from './fr/home.json';
import frImports from './fr/imports.json';
import frIntervision from './fr/intervision.json';
import frReference from './fr/reference.json';
import frRepresentation from './fr/representation.json';
import frSupervisions from './fr/supervisions.json';
import frReports from './fr/reports.json';
import frRetention from './fr/retention.json';
import frSupport from './fr/support.json';
import frSupportFollowUp from './fr/support-follow-up.json';
import frTrainings from './fr/trainings.json';
import frUsers from './fr/users.json';
import nlAccount from './nl/account.json';
import nlAccounting from './nl/accounting.json';
import nlAssociation from './nl/association.json';
import nlAudit from './nl/audit.json';
import nlDirectory from './nl/directory.json';
import nlDrafts from './nl/drafts.json';
import nlFigures from './nl/figures.json';
import nlHome from './nl/home.json';
import nlImports from './nl/imports.json';
import nlIntervision from './nl/intervision.json';
import nlReference from './nl/reference.json';
import nlRepresentation from './nl/representation.json';
import nlSupervisions from './nl/supervisions.json';
import nlReports from './nl/reports.json';
import nlRetention from './nl/retention.json';
import nlSupport from './nl/support.json';
import nlSupportFollowUp from './nl/support-follow-up.json';
import nlTrainings from './nl/trainings.json';
import nlUsers from './nl/users.json';

/** The wording of the signed-in screens: fetched with the signed-in frame, not before. */
export const signedInResources = {
  fr: {
    account: frAccount,
    accounting: frAccounting,
    association: frAssociation,
    audit: frAudit,
    directory: frDirectory,
    drafts: frDrafts,
    figures: frFigures,
    home: frHome,
    imports: frImports,
    intervision: frIntervision,
    reference: frReference,
    representation: frRepresentation,
    supervisions: frSupervisions,
    reports: frReports,
    retention: frRetention,
    support: frSupport,
    'support-follow-up': frSupportFollowUp,
    trainings: frTrainings,
    users: frUsers,
  },
  nl: {
    account: nlAccount,
    accounting: nlAccounting,
    association: nlAssociation,
    audit: nlAudit,
    directory: nlDirectory,
    drafts: nlDrafts,
    figures: nlFigures,
    home: nlHome,
    imports: nlImports,
    intervision: nlIntervision,
    reference: nlReference,
    representation: nlRepresentation,
    supervisions: nlSupervisions,
    reports: nlReports,
    retention: nlRetention,
    support: nlSupport,
    'support-follow-up': nlSupportFollowUp,
    trainings: nlTrainings,
    users: nlUsers,
  },
} as const;
