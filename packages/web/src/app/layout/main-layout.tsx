import { Flex, Layout, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { FullPageSpin } from '../../components/full-page-spin';
import { NotificationBell } from '../../modules/notifications/notification-bell';
import { GlobalSearch } from '../../modules/search';
import { useMe } from '../session';
import { QuickCreate } from './quick-create';
import { SideNav } from './side-nav';
import { UserMenu } from './user-menu';

/** The signed-in shell: navigation on the left, organisation and user menu on top. */
export function MainLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
        <Typography.Title
          level={4}
          style={{ color: '#fff', margin: 0, padding: '16px 24px', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          {collapsed ? 'B' : t('common.appName')}
        </Typography.Title>
        <SideNav />
      </Layout.Sider>
      {/* min-width 0: a wide page (a table, the board) scrolls inside its own box instead of widening the layout past the window. */}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: '#fff', paddingInline: 24, borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" gap={16} style={{ height: '100%' }}>
            <Flex align="center" gap={24}>
              <Typography.Text strong data-testid="org-name" style={{ whiteSpace: 'nowrap' }}>
                {me?.organization.name}
              </Typography.Text>
              {me && <GlobalSearch />}
            </Flex>
            {me && (
              <Flex align="center" gap={8}>
                <QuickCreate />
                <NotificationBell />
                <UserMenu name={me.user.name} />
              </Flex>
            )}
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
