import { endpoints } from '@berth/domain';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from './api/call';
import { endSession } from './session';

/** Ends the session on the server (best effort), forgets it locally and goes to /login. */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(async () => {
    try {
      await call(endpoints.auth.logout, { redirectOn401: false });
    } catch {
      // Already signed out or the server is gone: either way the local session ends.
    }
    endSession(queryClient, { loggedOut: true });
    navigate('/login', { replace: true });
    void message.success(t('header.loggedOut'));
  }, [queryClient, navigate, message, t]);
}
