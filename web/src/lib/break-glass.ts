/**
 * Breaking the glass from the SPA (decision 21): when a read answers 403 BREAK_GLASS_REQUIRED,
 * the API client asks here for a written reason; the dialog mounted in the signed-in frame
 * (components/break-glass-dialog.tsx) shows the question and answers it. Reads of the same page
 * share one question, and the reason given stays for that page (its other reads and refetches)
 * until the user leaves it; declining leaves the page's refusal on screen, and the page's later
 * refused reads (a refetch) are not asked again until the user leaves it.
 */
type Listener = () => void;

let question: { page: string; promise: Promise<string | null>; resolve: (r: string | null) => void } | null =
  null;
let kept: { page: string; reason: string } | null = null;
/** The page whose question the user declined: asked again only once they have left it. */
let declined: string | null = null;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((listener) => listener());

export const breakGlass = {
  /** The reason to read `page`'s records with: the one given for it, or the user's answer (null: no). */
  ask(page: string): Promise<string | null> {
    if (kept?.page === page) return Promise.resolve(kept.reason);
    if (declined === page) return Promise.resolve(null);
    if (question?.page === page) return question.promise;
    question?.resolve(null);
    let resolve: (r: string | null) => void = () => undefined;
    const promise = new Promise<string | null>((r) => (resolve = r));
    const asked = {
      page,
      promise,
      resolve: (reason: string | null) => {
        if (question === asked) question = null;
        if (reason) kept = { page, reason };
        else declined = page;
        resolve(reason);
        notify();
      },
    };
    question = asked;
    notify();
    return promise;
  },
  /** The dialog's answer: the reason written, or null when the user declined. */
  answer(reason: string | null) {
    question?.resolve(reason);
  },
  /** The page a reason is asked for, or null. */
  asking(): string | null {
    return question?.page ?? null;
  },
  /** Leaving the page (or signing out) forgets its reason; an open question is declined. */
  forget(page?: string) {
    if (page === undefined || kept?.page !== page) kept = null;
    if (question && question.page !== page) question.resolve(null);
    if (page === undefined || declined !== page) declined = null;
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};
