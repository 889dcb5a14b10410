import { createBrowserRouter } from 'react-router';
import { CrashPage, NotFoundPage } from '@/components/status-pages';
import { AccountPage } from '@/features/account/routes/account-page';
import { AuditPage } from '@/features/audit/routes/audit-page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { RequirePermission } from '@/features/auth/components/require-permission';
import { LoginPage } from '@/features/auth/routes/login-page';
import { HomePage } from '@/features/home/routes/home-page';
import { UsersPage } from '@/features/users/routes/users-page';
import { AppLayout } from './layout';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      {
        path: 'admin/users',
        element: (
          <RequirePermission resource="users" action="read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/audit',
        element: (
          <RequirePermission resource="audit_log" action="read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
