import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { restoreSession } from '@/features/auth/api/restore-session';
import { onSessionLost } from '@/lib/api-client';
import { initI18n } from '@/lib/i18n';
import { queryClient } from '@/lib/react-query';
import { AppProviders } from './providers';
import { routes } from './router';
import '@/styles/index.css';

// Whatever one user loaded must not be shown to the next one on this device.
onSessionLost(() => queryClient.clear());
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
