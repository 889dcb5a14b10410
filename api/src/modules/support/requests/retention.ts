import { defineRetentionPolicy } from '../../platform/retention/policy.js';
import { blankClosedBefore } from './repository.js';

/**
 * SUPPORT_RETENTION_YEARS (two by default, api/src/config.ts) after a request is closed, it keeps only what its figures need (issue 15, decision
 * 24): dates, channel, sectors, the person's gender and age band, the outcome. Its impasse, the
 * notes of its interventions, a non-professional requester's name and call-back, and the person
 * concerned's initials, housing and language (once all their requests are that old) are blanked.
 */
export const supportRetention = defineRetentionPolicy({
  id: 'support.requests',
  recordKind: 'support_request',
  runKind: 'support_retention_run',
  removes:
    "a closed request's impasse, its interventions' notes, a non-professional requester's name and call-back, and the person's initials, housing and language",
  after: 'SUPPORT_RETENTION_YEARS (2 by default) years after the request was closed',
  async apply(tx, { today, config }) {
    const years = config.SUPPORT_RETENTION_YEARS;
    const cutoff = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
    const counts = await blankClosedBefore(tx, cutoff);
    return { counts, details: { cutoff, years } };
  },
});
