import { signedInResources } from './signed-in';
import { signInResources } from './sign-in';

/** Every namespace in both languages (types, tests); the app loads them in two parts. */
export const resources = {
  fr: { ...signInResources.fr, ...signedInResources.fr },
  nl: { ...signInResources.nl, ...signedInResources.nl },
} as const;

export const namespaces = Object.keys(resources.fr) as (keyof typeof resources.fr)[];
