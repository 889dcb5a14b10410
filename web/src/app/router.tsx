import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { CrashPage, ForbiddenPage, NotFoundPage } from '@/components/status-pages';
import { AccountPage } from '@/features/account/routes/account-page';
import { associationHome, AssociationSections } from '@/features/association/components/association-sections';
import { DuesPage } from '@/features/association/routes/dues-page';
import { GovernancePage } from '@/features/association/routes/governance-page';
import { MembersPage } from '@/features/association/routes/members-page';
import { MembersPrintPage } from '@/features/association/routes/members-print-page';
import { AuditPage } from '@/features/audit/routes/audit-page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { RequirePermission } from '@/features/auth/components/require-permission';
import { LoginPage } from '@/features/auth/routes/login-page';
import { DirectorySections } from '@/features/directory/components/directory-sections';
import { OrganisationEditPage } from '@/features/directory/routes/organisation-edit-page';
import { OrganisationNewPage } from '@/features/directory/routes/organisation-new-page';
import { OrganisationPage } from '@/features/directory/routes/organisation-page';
import { OrganisationsPage } from '@/features/directory/routes/organisations-page';
import { PeoplePage } from '@/features/directory/routes/people-page';
import { PersonEditPage } from '@/features/directory/routes/person-edit-page';
import { PersonNewPage } from '@/features/directory/routes/person-new-page';
import { PersonPage } from '@/features/directory/routes/person-page';
import { HomePage } from '@/features/home/routes/home-page';
import { ImportsPage } from '@/features/imports/routes/imports-page';
import { CyclePage } from '@/features/intervision/routes/cycle-page';
import { CyclesPage } from '@/features/intervision/routes/cycles-page';
import { FiguresPage } from '@/features/intervision/routes/figures-page';
import { GroupPage } from '@/features/intervision/routes/group-page';
import { PeriodFiguresPage } from '@/features/intervision/routes/period-figures-page';
import { SchedulePage } from '@/features/intervision/routes/schedule-page';
import { UnpaidPage } from '@/features/intervision/routes/unpaid-page';
import { ReferencePage } from '@/features/reference/routes/reference-page';
import { RepresentationPage } from '@/features/representation/routes/representation-page';
import { UsersPage } from '@/features/users/routes/users-page';
import { useCurrentUser } from '@/hooks/use-session';
import { AppLayout } from './layout';

/** /association opens the first section the user may see, else the 403 page. */
function AssociationIndex() {
  const home = associationHome(useCurrentUser());
  return home ? <Navigate to={home} replace /> : <ForbiddenPage />;
}

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
        path: 'directory',
        element: <DirectorySections />,
        // Each page has its own guard: accountants read organisations but no person.
        children: [
          { index: true, element: <Navigate to="organisations" replace /> },
          {
            path: 'organisations',
            element: (
              <RequirePermission resource="organisations" action="read">
                <OrganisationsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organisations/new',
            element: (
              <RequirePermission resource="organisations" action="create">
                <OrganisationNewPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organisations/:id',
            element: (
              <RequirePermission resource="organisations" action="read">
                <OrganisationPage />
              </RequirePermission>
            ),
          },
          {
            path: 'organisations/:id/edit',
            element: (
              <RequirePermission resource="organisations" action="update">
                <OrganisationEditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'people',
            element: (
              <RequirePermission resource="people" action="read">
                <PeoplePage />
              </RequirePermission>
            ),
          },
          {
            path: 'people/new',
            element: (
              <RequirePermission resource="people" action="create">
                <PersonNewPage />
              </RequirePermission>
            ),
          },
          {
            path: 'people/:id',
            element: (
              <RequirePermission resource="people" action="read">
                <PersonPage />
              </RequirePermission>
            ),
          },
          {
            path: 'people/:id/edit',
            element: (
              <RequirePermission resource="people" action="update">
                <PersonEditPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'association',
        element: <AssociationSections />,
        // Members and governance are Connect's; dues also the accountant's: a guard per page.
        children: [
          { index: true, element: <AssociationIndex /> },
          {
            path: 'members',
            element: (
              <RequirePermission resource="membership" action="read">
                <MembersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'members/print',
            element: (
              <RequirePermission resource="membership" action="read">
                <MembersPrintPage />
              </RequirePermission>
            ),
          },
          {
            path: 'governance',
            element: (
              <RequirePermission resource="membership" action="read">
                <GovernancePage />
              </RequirePermission>
            ),
          },
          {
            path: 'dues',
            element: (
              <RequirePermission resource="dues" action="read">
                <DuesPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'intervision',
        // Every intervision page reads the same resource; the actions check their own rights.
        element: (
          <RequirePermission resource="intervision" action="read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <CyclesPage /> },
          { path: 'cycles/:id', element: <CyclePage /> },
          { path: 'cycles/:id/figures', element: <FiguresPage /> },
          { path: 'cycles/:id/unpaid', element: <UnpaidPage /> },
          { path: 'cycles/:id/schedule', element: <SchedulePage /> },
          { path: 'groups/:id', element: <GroupPage /> },
          { path: 'figures', element: <PeriodFiguresPage /> },
        ],
      },
      {
        path: 'representation',
        element: (
          <RequirePermission resource="representation" action="read">
            <RepresentationPage />
          </RequirePermission>
        ),
      },
      {
        path: 'imports',
        element: (
          <RequirePermission resource="imports" action="read">
            <ImportsPage />
          </RequirePermission>
        ),
      },
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
      {
        path: 'admin/reference',
        element: (
          <RequirePermission resource="reference" action="update">
            <ReferencePage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
