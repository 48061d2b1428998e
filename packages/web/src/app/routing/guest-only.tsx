import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { useMe } from '../session';
import type { LoginRedirectState } from './require-auth';

/** The login page is for signed-out users; a signed-in user goes on to where they were heading. */
export function GuestOnly() {
  const { data: me, isPending } = useMe();
  const state = useLocation().state as LoginRedirectState | null;
  if (isPending) return <FullPageSpin />;
  if (me) return <Navigate to={state?.from ?? '/'} replace />;
  return <Outlet />;
}
