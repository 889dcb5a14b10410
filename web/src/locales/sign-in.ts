import frAuth from './fr/auth.json';
import frCommon from './fr/common.json';
import frErrors from './fr/errors.json';
import nlAuth from './nl/auth.json';
import nlCommon from './nl/common.json';
import nlErrors from './nl/errors.json';

/** What the sign-in page says (and every page's frame and errors): part of the first load. */
export const signInResources = {
  fr: {
    auth: frAuth,
    common: frCommon,
    errors: frErrors,
  },
  nl: {
    auth: nlAuth,
    common: nlCommon,
    errors: nlErrors,
  },
} as const;
