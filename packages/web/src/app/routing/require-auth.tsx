import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { ServerUnavailablePage } from '../pages/server-unavailable-page';
import { useMe } from '../session';

export interface LoginRedirectState {
  from?: string;
}

/** Pages behind the login; without a session the user goes to /login and comes back afterwards. */
export function RequireAuth() {
  const { data: me, isPending, isError, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError) return <ServerUnavailablePage onRetry={() => void refetch()} />;
  if (!me) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
