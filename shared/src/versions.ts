import { Type } from 'typebox';

/**
 * Versioned records (decision 13): every record people edit carries an integer `version`, bumped
 * by each change. Reads answer it as a strong ETag (`"v3"`); updates send it back in `If-Match`
 * (`*`: whatever the version); a stale one is refused with 412 and the record as it is now.
 */
export const Version = Type.Integer({
  minimum: 1,
  description: 'Bumped by every change; the ETag is "v<version>"',
});

export { etagOf, parseIfMatch } from './etags.js';
