import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { LoginPage } from '../../modules/auth/login-page';
import { SetupPage } from '../../modules/auth/setup-page';
import { HomePage } from '../../modules/home/home-page';
import { MainLayout } from '../layout/main-layout';
import { NotFoundPage } from '../pages/not-found-page';
import { GuestOnly } from './guest-only';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { SetupGate } from './setup-gate';

const AccountPage = lazy(() => import('../../modules/account/account-page').then((m) => ({ default: m.AccountPage })));
const UsersPage = lazy(() => import('../../modules/admin/users/users-page').then((m) => ({ default: m.UsersPage })));
const TeamsPage = lazy(() => import('../../modules/admin/teams/teams-page').then((m) => ({ default: m.TeamsPage })));
const RolesPage = lazy(() => import('../../modules/admin/roles/roles-page').then((m) => ({ default: m.RolesPage })));
const ApiKeysPage = lazy(() =>
  import('../../modules/admin/api-keys/api-keys-page').then((m) => ({ default: m.ApiKeysPage })),
);
const AuditPage = lazy(() => import('../../modules/admin/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const OutboxPage = lazy(() =>
  import('../../modules/admin/outbox/outbox-page').then((m) => ({ default: m.OutboxPage })),
);
const CustomersPage = lazy(() =>
  import('../../modules/customers/list/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const CustomerCreatePage = lazy(() =>
  import('../../modules/customers/form/customer-create-page').then((m) => ({ default: m.CustomerCreatePage })),
);
const CustomerEditPage = lazy(() =>
  import('../../modules/customers/form/customer-edit-page').then((m) => ({ default: m.CustomerEditPage })),
);
const CustomerPage = lazy(() =>
  import('../../modules/customers/detail/customer-page').then((m) => ({ default: m.CustomerPage })),
);
const CustomerImportPage = lazy(() =>
  import('../../modules/customers/import/customer-import-page').then((m) => ({ default: m.CustomerImportPage })),
);
const PoolPage = lazy(() => import('../../modules/pool/pool-page').then((m) => ({ default: m.PoolPage })));
const PoolRulesPage = lazy(() =>
  import('../../modules/pool/pool-rules-page').then((m) => ({ default: m.PoolRulesPage })),
);
const TagsPage = lazy(() => import('../../modules/customers/tags/tags-page').then((m) => ({ default: m.TagsPage })));
const SegmentsPage = lazy(() =>
  import('../../modules/customers/segments/segments-page').then((m) => ({ default: m.SegmentsPage })),
);
const MyDayPage = lazy(() => import('../../modules/tasks/my-day-page').then((m) => ({ default: m.MyDayPage })));
const CalendarPage = lazy(() => import('../../modules/tasks/calendar-page').then((m) => ({ default: m.CalendarPage })));
const NextStepRulesPage = lazy(() =>
  import('../../modules/tasks/next-step-rules-page').then((m) => ({ default: m.NextStepRulesPage })),
);
const SalesEventsPage = lazy(() =>
  import('../../modules/sales-events/sales-events-page').then((m) => ({ default: m.SalesEventsPage })),
);
const SalesEventPage = lazy(() =>
  import('../../modules/sales-events/sales-event-page').then((m) => ({ default: m.SalesEventPage })),
);
const ProspectsPage = lazy(() =>
  import('../../modules/sales-events/prospects-page').then((m) => ({ default: m.ProspectsPage })),
);
const PipelineBoardPage = lazy(() =>
  import('../../modules/opportunities/board/pipeline-board-page').then((m) => ({ default: m.PipelineBoardPage })),
);
const OpportunitiesListPage = lazy(() =>
  import('../../modules/opportunities/list/opportunities-list-page').then((m) => ({
    default: m.OpportunitiesListPage,
  })),
);
const OpportunityPage = lazy(() =>
  import('../../modules/opportunities/detail/opportunity-page').then((m) => ({ default: m.OpportunityPage })),
);
const ForecastPage = lazy(() =>
  import('../../modules/opportunities/forecast/forecast-page').then((m) => ({ default: m.ForecastPage })),
);
const PipelineSettingsPage = lazy(() =>
  import('../../modules/opportunities/settings/pipeline-settings-page').then((m) => ({
    default: m.PipelineSettingsPage,
  })),
);
const DataQualityPage = lazy(() =>
  import('../../modules/data-quality/data-quality-page').then((m) => ({ default: m.DataQualityPage })),
);

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route element={<SetupGate />}>
          <Route path="/setup" element={<SetupPage />} />
          <Route element={<GuestOnly />}>
            <Route path="/login" element={<LoginPage />} />
          </Route>
          <Route element={<RequireAuth />}>
            <Route element={<MainLayout />}>
              <Route index element={<HomePage />} />
              <Route path="account" element={<AccountPage />} />
              <Route
                path="my-day"
                element={
                  <RequirePermission resource="tasks">
                    <MyDayPage />
                  </RequirePermission>
                }
              />
              <Route
                path="calendar"
                element={
                  <RequirePermission resource="tasks">
                    <CalendarPage />
                  </RequirePermission>
                }
              />
              <Route
                path="next-step-rules"
                element={
                  <RequirePermission resource="opportunities">
                    <NextStepRulesPage />
                  </RequirePermission>
                }
              />
              <Route path="sales-events">
                <Route
                  index
                  element={
                    <RequirePermission resource="salesEvents">
                      <SalesEventsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path=":id"
                  element={
                    <RequirePermission resource="salesEvents">
                      <SalesEventPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route
                path="prospects"
                element={
                  <RequirePermission resource="customers">
                    <ProspectsPage />
                  </RequirePermission>
                }
              />
              <Route path="customers">
                <Route
                  index
                  element={
                    <RequirePermission resource="customers">
                      <CustomersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="new"
                  element={
                    <RequirePermission resource="customers" action="create">
                      <CustomerCreatePage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="import"
                  element={
                    <RequirePermission resource="customers" action="create">
                      <CustomerImportPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="tags"
                  element={
                    <RequirePermission resource="tags">
                      <TagsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="segments"
                  element={
                    <RequirePermission resource="segments">
                      <SegmentsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path=":id"
                  element={
                    <RequirePermission resource="customers">
                      <CustomerPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path=":id/edit"
                  element={
                    <RequirePermission resource="customers" action="update">
                      <CustomerEditPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route
                path="data-quality"
                element={
                  <RequirePermission resource="dataQuality">
                    <DataQualityPage />
                  </RequirePermission>
                }
              />
              <Route path="opportunities">
                <Route
                  index
                  element={
                    <RequirePermission resource="opportunities">
                      <PipelineBoardPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="list"
                  element={
                    <RequirePermission resource="opportunities">
                      <OpportunitiesListPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="forecast"
                  element={
                    <RequirePermission resource="opportunities">
                      <ForecastPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="settings"
                  element={
                    <RequirePermission resource="opportunities" action="configure">
                      <PipelineSettingsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path=":id"
                  element={
                    <RequirePermission resource="opportunities">
                      <OpportunityPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="pool">
                <Route
                  index
                  element={
                    <RequirePermission resource="pool">
                      <PoolPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="rules"
                  element={
                    <RequirePermission resource="pool">
                      <PoolRulesPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="admin">
                <Route
                  path="users"
                  element={
                    <RequirePermission resource="users">
                      <UsersPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="teams"
                  element={
                    <RequirePermission resource="teams">
                      <TeamsPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="roles"
                  element={
                    <RequirePermission resource="roles">
                      <RolesPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="api-keys"
                  element={
                    <RequirePermission resource="apiKeys">
                      <ApiKeysPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="audit"
                  element={
                    <RequirePermission resource="audit">
                      <AuditPage />
                    </RequirePermission>
                  }
                />
                <Route
                  path="outbox"
                  element={
                    <RequirePermission resource="outbox">
                      <OutboxPage />
                    </RequirePermission>
                  }
                />
              </Route>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
