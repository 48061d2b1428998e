import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { ServerUnavailablePage } from '../pages/server-unavailable-page';
import { useSetupStatus } from '../session';

/** Sends every route to /setup while the installation has no organisation yet, and away from it after. */
export function SetupGate() {
  const { data, isPending, isError, refetch } = useSetupStatus();
  const { pathname } = useLocation();
  if (isPending) return <FullPageSpin />;
  if (isError) return <ServerUnavailablePage onRetry={() => void refetch()} />;
  if (data.setupRequired && pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (!data.setupRequired && pathname === '/setup') return <Navigate to="/login" replace />;
  return <Outlet />;
}
