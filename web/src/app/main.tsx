import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { restoreSession } from '@/features/auth/api/restore-session';
import { initI18n } from '@/lib/i18n';
import { sessionStore } from '@/lib/session';
import { AppProviders } from './providers';
import { routes } from './router';
import '@/styles/index.css';

// Drafts on this device are one user's: another user's sign-in wipes them (and their key) first.
// Their store (IndexedDB, encryption) is fetched then, not with the sign-in page.
let draftsOwner: string | null = null;
sessionStore.subscribe(() => {
  const state = sessionStore.getState();
  if (state.status === 'anonymous') draftsOwner = null;
  if (state.status !== 'authenticated' || state.user.id === draftsOwner) return;
  draftsOwner = state.user.id;
  const owner = state.user.id;
  void import('@/lib/drafts/store').then((drafts) => drafts.claimDrafts(owner));
});
void restoreSession();

const router = createBrowserRouter(routes);

void initI18n().then(() => {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
});
