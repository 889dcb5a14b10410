import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Wide enough to show the filters beside the list without pushing it down a screen. */
const WIDE = '(min-width: 48rem)';

/**
 * The filters beyond the search box, in a fold: closed on a phone so the first result is near
 * the top, open on a wider screen. The summary says how many are in use.
 */
export function FilterFold({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useTranslation();
  const [open] = useState(() => window.matchMedia(WIDE).matches);
  return (
    <details className="filters__fold" open={open}>
      <summary>{active > 0 ? t('filters.moreActive', { count: active }) : t('filters.more')}</summary>
      <div className="filters__fields">{children}</div>
    </details>
  );
}
