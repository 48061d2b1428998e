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
