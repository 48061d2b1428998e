import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { navGroups, navItemVisible } from '../../app/navigation';
import { useCan } from '../../app/permissions';
import { useMe } from '../../app/session';
import { PageTitle } from '../../components/page-title';

/** The dashboard: who is signed in, with which role in which organisation, and shortcuts. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  if (!me) return null;

  const roleName = i18n.language === 'en' ? me.role.nameEn : me.role.name;
  const shortcuts = navGroups
    .flatMap((group) => group.items)
    .filter((item) => item.access && navItemVisible(item, can));

  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.user.name })} />
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Card style={{ marginBottom: 24 }}>
        <Descriptions
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'role', label: t('home.role'), children: <span data-testid="home-role">{roleName}</span> },
            {
              key: 'org',
              label: t('home.organization'),
              children: <span data-testid="home-org">{me.organization.name}</span>,
            },
            { key: 'email', label: t('home.email'), children: me.user.email },
          ]}
        />
      </Card>
      <Typography.Title level={4}>{t('home.shortcuts')}</Typography.Title>
      {shortcuts.length === 0 ? (
        <Empty description={t('home.noShortcuts')} />
      ) : (
        <Row gutter={[16, 16]}>
          {shortcuts.map((item) => (
            <Col key={item.key} xs={12} md={8} lg={6}>
              <Link to={item.path}>
                <Card hoverable size="small">
                  <item.icon /> {t(item.labelKey)}
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
