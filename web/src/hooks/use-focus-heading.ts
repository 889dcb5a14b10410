import { useEffect } from 'react';
import type { RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After each navigation inside the app, focus moves to the new page's main heading (its h1,
 * made focusable with tabIndex -1), so a screen reader announces the page and the next Tab
 * starts from its top. A page still loading gets focus on its heading once the heading appears.
 * Not on the first page the app opens (the browser announces a loaded document itself), and
 * not when something in the page already took focus (a field focused on purpose).
 */
export function useFocusHeading(main: RefObject<HTMLElement | null>) {
  const location = useLocation();

  useEffect(() => {
    const container = main.current;
    // 'default' is the router's key for the location the app was opened at.
    if (!container || location.key === 'default') return;

    const focusHeading = (): boolean => {
      const heading = container.querySelector<HTMLHeadingElement>('h1');
      if (!heading) return false;
      const active = document.activeElement;
      if (active && active !== container && container.contains(active)) return true;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return true;
    };

    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [location.key, main]);
}
