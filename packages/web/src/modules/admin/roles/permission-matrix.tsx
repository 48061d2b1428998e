import {
  type Action,
  type Permissions,
  type Resource,
  resourceActions,
  resources,
  type Scope,
  scopes,
} from '@berth/domain';
import { Select, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

const none = 'none';
type Choice = Scope | typeof none;
const actions = [...new Set(Object.values(resourceActions).flat())] as Action[];

interface PermissionMatrixProps {
  value?: Permissions;
  onChange?: (value: Permissions) => void;
  disabled?: boolean;
}

function withScope(permissions: Permissions, resource: Resource, action: Action, choice: Choice): Permissions {
  const granted: Partial<Record<string, Scope>> = { ...permissions[resource] };
  if (choice === none) delete granted[action];
  else granted[action] = choice;
  const next: Permissions = { ...permissions, [resource]: granted };
  if (Object.keys(granted).length === 0) delete next[resource];
  return next;
}

/** Resources as rows, actions as columns; each cell picks no access or a data scope. */
export function PermissionMatrix({ value = {}, onChange, disabled }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const options = [
    { value: none, label: t('permissions.scopes.none') },
    ...scopes.map((scope) => ({ value: scope, label: t(`permissions.scopes.${scope}`) })),
  ];

  const columns: TableColumnsType<Resource> = [
    {
      title: t('roles.resource'),
      key: 'resource',
      render: (_v, resource) => t(`permissions.resources.${resource}`),
    },
    ...actions.map((action) => ({
      title: t(`permissions.actions.${action}`),
      key: action,
      render: (_v: unknown, resource: Resource) => {
        if (!(resourceActions[resource] as readonly string[]).includes(action)) return t('common.none');
        const current: Choice = value[resource]?.[action] ?? none;
        return (
          <Select<Choice>
            size="small"
            value={current}
            disabled={disabled}
            options={options}
            onChange={(choice) => onChange?.(withScope(value, resource, action, choice))}
            aria-label={`${t(`permissions.resources.${resource}`)} ${t(`permissions.actions.${action}`)}`}
            data-testid={`perm-${resource}-${action}`}
            style={{ width: 140 }}
          />
        );
      },
    })),
  ];

  return (
    <Table
      rowKey={(resource) => resource}
      size="small"
      columns={columns}
      dataSource={resources}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
