import { lazy, Suspense } from 'react';
import type { ComponentType } from 'react';
import { Navigate, Outlet } from 'react-router';
import type { RouteObject } from 'react-router';
import { CrashPage, FullPageLoading, NotFoundPage } from '@/components/status-pages';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { LoginPage } from '@/features/auth/routes/login-page';

/*
 * The first load carries the sign-in page only. The signed-in frame (with the access rules, the
 * rest of the wording and TanStack Query) and each page are chunks of their own, fetched when
 * first opened; the frame shows "loading" while a page arrives.
 */
/** A chunk's component inside the query cache's provider, which is fetched with it. */
function withQueries(load: () => Promise<ComponentType>) {
  return lazy(async () => {
    const [Component, { QueryProvider }] = await Promise.all([load(), import('./query-provider')]);
    return {
      default: () => (
        <QueryProvider>
          <Component />
        </QueryProvider>
      ),
    };
  });
}

const AppLayout = withQueries(() => import('./layout').then((m) => m.AppLayout));
const RequirePermission = lazy(() =>
  import('@/features/auth/components/require-permission').then((m) => ({ default: m.RequirePermission })),
);
const HomePage = lazy(() =>
  import('@/features/home/routes/home-page').then((m) => ({ default: m.HomePage })),
);
const DirectorySections = lazy(() =>
  import('@/features/directory/components/directory-sections').then((m) => ({
    default: m.DirectorySections,
  })),
);
const AssociationSections = lazy(() =>
  import('@/features/association/components/association-sections').then((m) => ({
    default: m.AssociationSections,
  })),
);
const AssociationIndex = lazy(() =>
  import('@/features/association/components/association-sections').then((m) => ({
    default: m.AssociationIndex,
  })),
);
const EnrolPage = withQueries(() => import('@/features/auth/routes/enrol-page').then((m) => m.EnrolPage));
const AccountPage = lazy(() =>
  import('@/features/account/routes/account-page').then((m) => ({ default: m.AccountPage })),
);
const DuesPage = lazy(() =>
  import('@/features/association/routes/dues-page').then((m) => ({ default: m.DuesPage })),
);
const GovernancePage = lazy(() =>
  import('@/features/association/routes/governance-page').then((m) => ({ default: m.GovernancePage })),
);
const MembersPage = lazy(() =>
  import('@/features/association/routes/members-page').then((m) => ({ default: m.MembersPage })),
);
const MembersPrintPage = lazy(() =>
  import('@/features/association/routes/members-print-page').then((m) => ({ default: m.MembersPrintPage })),
);
const AuditPage = lazy(() =>
  import('@/features/audit/routes/audit-page').then((m) => ({ default: m.AuditPage })),
);
const FlaggedReadsPage = lazy(() =>
  import('@/features/audit/routes/flagged-reads-page').then((m) => ({ default: m.FlaggedReadsPage })),
);
const AnalyticCodesPage = lazy(() =>
  import('@/features/accounting/routes/analytic-codes-page').then((m) => ({ default: m.AnalyticCodesPage })),
);
const RetentionRunsPage = lazy(() =>
  import('@/features/retention/routes/retention-runs-page').then((m) => ({ default: m.RetentionRunsPage })),
);
const OrganisationEditPage = lazy(() =>
  import('@/features/directory/routes/organisation-edit-page').then((m) => ({
    default: m.OrganisationEditPage,
  })),
);
const OrganisationNewPage = lazy(() =>
  import('@/features/directory/routes/organisation-new-page').then((m) => ({
    default: m.OrganisationNewPage,
  })),
);
const OrganisationPage = lazy(() =>
  import('@/features/directory/routes/organisation-page').then((m) => ({ default: m.OrganisationPage })),
);
const OrganisationsPage = lazy(() =>
  import('@/features/directory/routes/organisations-page').then((m) => ({ default: m.OrganisationsPage })),
);
const PeoplePage = lazy(() =>
  import('@/features/directory/routes/people-page').then((m) => ({ default: m.PeoplePage })),
);
const PersonEditPage = lazy(() =>
  import('@/features/directory/routes/person-edit-page').then((m) => ({ default: m.PersonEditPage })),
);
const PersonNewPage = lazy(() =>
  import('@/features/directory/routes/person-new-page').then((m) => ({ default: m.PersonNewPage })),
);
const PersonPage = lazy(() =>
  import('@/features/directory/routes/person-page').then((m) => ({ default: m.PersonPage })),
);
const ImportsPage = lazy(() =>
  import('@/features/imports/routes/imports-page').then((m) => ({ default: m.ImportsPage })),
);
const CyclePage = lazy(() =>
  import('@/features/intervision/routes/cycle-page').then((m) => ({ default: m.CyclePage })),
);
const CyclesPage = lazy(() =>
  import('@/features/intervision/routes/cycles-page').then((m) => ({ default: m.CyclesPage })),
);
const FiguresPage = lazy(() =>
  import('@/features/intervision/routes/figures-page').then((m) => ({ default: m.FiguresPage })),
);
const GroupPage = lazy(() =>
  import('@/features/intervision/routes/group-page').then((m) => ({ default: m.GroupPage })),
);
const PeriodFiguresPage = lazy(() =>
  import('@/features/intervision/routes/period-figures-page').then((m) => ({ default: m.PeriodFiguresPage })),
);
const SchedulePage = lazy(() =>
  import('@/features/intervision/routes/schedule-page').then((m) => ({ default: m.SchedulePage })),
);
const UnpaidPage = lazy(() =>
  import('@/features/intervision/routes/unpaid-page').then((m) => ({ default: m.UnpaidPage })),
);
const ReferencePage = lazy(() =>
  import('@/features/reference/routes/reference-page').then((m) => ({ default: m.ReferencePage })),
);
const RepresentationPage = lazy(() =>
  import('@/features/representation/routes/representation-page').then((m) => ({
    default: m.RepresentationPage,
  })),
);
const SupervisionsPage = lazy(() =>
  import('@/features/support/supervisions/routes/supervisions-page').then((m) => ({
    default: m.SupervisionsPage,
  })),
);
const SupervisionPage = lazy(() =>
  import('@/features/support/supervisions/routes/supervision-page').then((m) => ({
    default: m.SupervisionPage,
  })),
);
const ReportsPage = lazy(() =>
  import('@/features/reports/routes/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const SavedReportPage = lazy(() =>
  import('@/features/reports/routes/saved-report-page').then((m) => ({ default: m.SavedReportPage })),
);
const TrainingsPage = lazy(() =>
  import('@/features/support/trainings/routes/trainings-page').then((m) => ({ default: m.TrainingsPage })),
);
const TrainingEditionPage = lazy(() =>
  import('@/features/support/trainings/routes/edition-page').then((m) => ({ default: m.EditionPage })),
);
const NewSupportRequestPage = lazy(() =>
  import('@/features/support/requests/routes/new-request-page').then((m) => ({
    default: m.NewRequestPage,
  })),
);
const SupportRequestsPage = lazy(() =>
  import('@/features/support/requests/routes/requests-page').then((m) => ({
    default: m.RequestsPage,
  })),
);
const SupportRequestPage = lazy(() =>
  import('@/features/support/requests/routes/request-page').then((m) => ({ default: m.RequestPage })),
);
const UsersPage = lazy(() =>
  import('@/features/users/routes/users-page').then((m) => ({ default: m.UsersPage })),
);

/**
 * The SPA's routes. main.tsx makes the router from them; the route check browser test
 * (e2e/routes.e2e.ts) walks them, so a page added here is checked on a phone too.
 */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  {
    // Outside the frame: a user who must enrol reaches nothing else, not even the menu's pages.
    path: '/enrol',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageLoading />}>
          <EnrolPage />
        </Suspense>
      </RequireAuth>
    ),
    errorElement: <CrashPage />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<FullPageLoading />}>
          <AppLayout />
        </Suspense>
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
          { path: 'figures', element: <PeriodFiguresPage /> },
        ],
      },
      {
        // A group's page names its participants: another pole's coordinator may break the glass.
        path: 'intervision/groups/:id',
        element: (
          <RequirePermission resource="intervision" action="read" breakGlass="intervision_registration">
            <GroupPage />
          </RequirePermission>
        ),
      },
      {
        // One request's page: outside the pole, administrators and coordinators break the glass.
        path: 'support/requests/:id',
        element: (
          <RequirePermission resource="support" action="read" breakGlass="support_request">
            <SupportRequestPage />
          </RequirePermission>
        ),
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
        path: 'support/requests',
        // Support's requests are the pole's alone: anyone else meets the refusal page.
        element: (
          <RequirePermission resource="support" action="read">
            <Outlet />
          </RequirePermission>
        ),
        children: [
          { index: true, element: <SupportRequestsPage /> },
          {
            path: 'new',
            element: (
              <RequirePermission resource="support" action="create">
                <NewSupportRequestPage />
              </RequirePermission>
            ),
          },
        ],
      },
      {
        path: 'support/supervisions',
        element: (
          <RequirePermission resource="support" action="read">
            <SupervisionsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'support/supervisions/:id',
        element: (
          <RequirePermission resource="support" action="read" breakGlass="support_supervision">
            <SupervisionPage />
          </RequirePermission>
        ),
      },
      {
        path: 'support/trainings',
        element: (
          <RequirePermission resource="support" action="read">
            <TrainingsPage />
          </RequirePermission>
        ),
      },
      {
        // An edition's page names its participants: outside the pole, the glass is broken first.
        path: 'support/trainings/editions/:id',
        element: (
          <RequirePermission resource="support" action="read" breakGlass="support_training_participant">
            <TrainingEditionPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports',
        element: (
          <RequirePermission resource="reports" action="read">
            <ReportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/:id',
        element: (
          <RequirePermission resource="reports" action="read">
            <SavedReportPage />
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
        path: 'admin/analytic-codes',
        element: (
          <RequirePermission resource="accounting" action="update">
            <AnalyticCodesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/retention',
        element: (
          <RequirePermission resource="audit_log" action="read">
            <RetentionRunsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'admin/access-log',
        element: (
          <RequirePermission resource="audit_log" action="read">
            <FlaggedReadsPage />
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
];
