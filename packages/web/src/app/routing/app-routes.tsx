import { Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { webModules } from '../../modules';
import { LoginPage } from '../../modules/auth/login-page';
import { SetupPage } from '../../modules/auth/setup-page';
import { MainLayout } from '../layout/main-layout';
import { routesOf } from '../navigation';
import { NotFoundPage } from '../pages/not-found-page';
import { GuestOnly } from './guest-only';
import { RequireAuth } from './require-auth';
import { RequirePermission } from './require-permission';
import { SetupGate } from './setup-gate';

const moduleRoutes = routesOf(webModules);

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
              {moduleRoutes.map(({ path, page: Page, access }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    access ? (
                      <RequirePermission resource={access.resource} action={access.action}>
                        <Page />
                      </RequirePermission>
                    ) : (
                      <Page />
                    )
                  }
                />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
