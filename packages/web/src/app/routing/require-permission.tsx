import type { Resource } from '@berth/domain';
import type { ReactNode } from 'react';
import { ForbiddenPage } from '../pages/forbidden-page';
import { useCan } from '../permissions';

interface RequirePermissionProps {
  resource: Resource;
  action?: string;
  children: ReactNode;
}

export function RequirePermission({ resource, action = 'read', children }: RequirePermissionProps) {
  const can = useCan();
  return can(resource, action) ? children : <ForbiddenPage />;
}
