import type { Purpose } from '@smes/shared';

/**
 * The purpose each screen reads for (decision 21), declared once by route: the API client sends
 * the one of the page on screen in `X-Purpose` with every request. The first prefix that matches
 * wins; any other page reads for a person's follow-up.
 */
export const SCREEN_PURPOSES: readonly (readonly [prefix: string, purpose: Purpose])[] = [
  ['/admin', 'administration'],
  ['/reports', 'report_check'],
  ['/intervision/figures', 'report_check'],
  ['/intervision/cycles/:id/figures', 'report_check'],
];

const matches = (prefix: string, path: string) => {
  const want = prefix.split('/');
  const have = path.split('/');
  return want.length <= have.length && want.every((part, i) => part.startsWith(':') || part === have[i]);
};

export function purposeForPath(path: string): Purpose {
  return SCREEN_PURPOSES.find(([prefix]) => matches(prefix, path))?.[1] ?? 'follow_up';
}
