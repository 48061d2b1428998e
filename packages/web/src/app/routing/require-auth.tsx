import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { ServerUnavailablePage } from '../pages/server-unavailable-page';
import { endedByLogout, useMe } from '../session';

export interface LoginRedirectState {
  /** Where to go after signing in. */
  from?: string;
}

/** Pages behind the login; without a session the user goes to /login and comes back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError) return <ServerUnavailablePage onRetry={() => void refetch()} />;
  if (!me) {
    // After an expired session the user comes back here; after "log out" they start from home.
    const state: LoginRedirectState = endedByLogout() ? {} : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
