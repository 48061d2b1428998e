import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { navGroups, navItemFor, navItemVisible } from '../navigation';
import { useCan } from '../permissions';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** Navigation grouped by module; items the user may not read are left out. */
export function SideNav() {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  const selected = navItemFor(pathname, navGroups)?.key;

  const items: MenuItem[] = navGroups
    .map((group) => ({
      type: 'group' as const,
      key: group.key,
      label: t(group.labelKey),
      children: group.items
        .filter((item) => navItemVisible(item, can))
        .map((item) => ({
          key: item.key,
          icon: <item.icon />,
          label: <Link to={item.path}>{t(item.labelKey)}</Link>,
          'data-testid': `nav-${item.key}`,
        })),
    }))
    .filter((group) => group.children.length > 0);

  return (
    <Menu
      mode="inline"
      theme="dark"
      aria-label={t('nav.menu')}
      selectedKeys={selected ? [selected] : []}
      items={items}
    />
  );
}
