import { endpoints, type Locale, type Me } from '@berth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from './api/call';
import { changeLocale } from './i18n';
import { meQueryKey } from './session';

/** Switches the UI language; when signed in, also saves it as the user's preference (best effort). */
export function useSwitchLocale(): (locale: Locale) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (locale: Locale) => {
      void changeLocale(locale);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!me) return;
      call(endpoints.me.update, { body: { locale }, redirectOn401: false })
        .then(() => {
          queryClient.setQueryData<Me | null>(meQueryKey, (old) =>
            old ? { ...old, user: { ...old.user, locale } } : old,
          );
        })
        .catch(() => {
          // The preference is also kept on this device; a failed save is not worth bothering the user.
        });
    },
    [queryClient],
  );
}
