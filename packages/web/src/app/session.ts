import { type EndpointResponse, endpoints, type Me } from '@berth/domain';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from './api/call';
import { setCsrfToken } from './api/transport';
import { isApiError } from './api-error';
import { setDisplayTimeZone } from './format';
import { changeLocale, currentLocale } from './i18n';

export const meQueryKey = ['me'] as const;
export const setupQueryKey = ['setup'] as const;
type SetupStatus = EndpointResponse<typeof endpoints.setup.status>;

let loggedOut = false;

/** Whether the last session ended by "log out" (rather than by expiring). */
export function endedByLogout(): boolean {
  return loggedOut;
}

/**
 * Loads the signed-in user; `null` means nobody is signed in (401). Without a session cookie (the setup status
 * says whether the browser sent one) nobody is, and the console does not ask — no failed request on the login page.
 */
async function fetchMe(queryClient: QueryClient): Promise<Me | null> {
  if (queryClient.getQueryData<SetupStatus>(setupQueryKey)?.sessionCookie === false) {
    setCsrfToken(null);
    return null;
  }
  try {
    const me = await call(endpoints.me.get, { redirectOn401: false });
    setCsrfToken(me.csrfToken);
    showTimesFor(me);
    return me;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  const queryClient = useQueryClient();
  return useQuery({ queryKey: meQueryKey, queryFn: () => fetchMe(queryClient), staleTime: 5 * 60_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupQueryKey,
    queryFn: () => call(endpoints.setup.status),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Times in the console follow the user's own time zone, or their organisation's. */
export function showTimesFor(me: Me): void {
  setDisplayTimeZone(me.user.timeZone ?? me.organization.timeZone);
}

/** Starts a session from a login or setup answer; drops anything cached for a previous user. */
export function startSession(queryClient: QueryClient, me: Me): void {
  loggedOut = false;
  setCsrfToken(me.csrfToken);
  showTimesFor(me);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== setupQueryKey[0] });
  queryClient.setQueryData<SetupStatus>(setupQueryKey, { setupRequired: false, sessionCookie: true });
  queryClient.setQueryData<Me | null>(meQueryKey, me);
  // The language saved in the user's profile follows them to every device they sign in on.
  if (me.user.locale !== currentLocale()) void changeLocale(me.user.locale);
}

/** Forgets the session locally; route guards then send the user to /login. */
export function endSession(queryClient: QueryClient, options: { loggedOut?: boolean } = {}): void {
  loggedOut = options.loggedOut ?? false;
  setCsrfToken(null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== setupQueryKey[0] && query.queryKey[0] !== meQueryKey[0],
  });
  queryClient.setQueryData<SetupStatus>(setupQueryKey, (status) => status && { ...status, sessionCookie: false });
  queryClient.setQueryData<Me | null>(meQueryKey, null);
}
