import type { ModuleMergeLinks } from '../../../db/merge-links.js';
import { attendeesLink } from './repository.js';

/** A meeting's attendees are people of the directory. */
export const representationMergeLinks: ModuleMergeLinks = { person: { links: [attendeesLink] } };
