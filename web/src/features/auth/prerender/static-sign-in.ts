/**
 * The sign-in page as the server sends it for /login: written into the HTML at build time
 * (render-sign-in.tsx), so a slow phone shows the form before the app's script has arrived.
 * A person can type into it at once; sending waits for the app, which takes the page over
 * (LoginPage, LoginForm) with what was typed and where the caret was.
 */
export const PRERENDERED_ID = 'sign-in-prerendered';

function prerendered(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(PRERENDERED_ID);
}

export function hasPrerenderedSignIn(): boolean {
  return prerendered() !== null;
}

export type SignInField = 'email' | 'password';

export interface TypedBeforeScript {
  email: string;
  password: string;
  /** The field the person is in, if any, and the caret or selection there (when it has one). */
  focus: SignInField | null;
  selection: [number, number] | null;
}

/** What the person typed into the page sent in the HTML, or null when there is none (any other load). */
export function typedBeforeScript(): TypedBeforeScript | null {
  const page = prerendered();
  if (!page) return null;
  const input = (name: SignInField) => page.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const email = input('email');
  const password = input('password');
  const active = document.activeElement;
  const focus = active === email ? 'email' : active === password ? 'password' : null;
  // An e-mail field has no caret position to read (selectionStart is null): it gets the end.
  const field = focus ? input(focus) : null;
  const selection =
    field && field.selectionStart !== null && field.selectionEnd !== null
      ? ([field.selectionStart, field.selectionEnd] as [number, number])
      : null;
  return { email: email?.value ?? '', password: password?.value ?? '', focus, selection };
}

/** Once the app shows its own page (or another one), the copy from the HTML goes. */
export function removePrerenderedSignIn(): void {
  prerendered()?.remove();
}
