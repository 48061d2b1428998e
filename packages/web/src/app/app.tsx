import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { AntdProvider } from './antd-provider';
import { setUnauthorizedHandler } from './api/transport';
import { queryClient } from './query-client';
import { AppRoutes } from './routing/app-routes';
import { endSession } from './session';

// A 401 on any ordinary request means the session is gone: forget it, and the guards show /login.
setUnauthorizedHandler(() => endSession(queryClient));

export function BerthApp() {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntdProvider>
    </QueryClientProvider>
  );
}
