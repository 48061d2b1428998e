import { Card, Col, Flex, Row, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { homeCards, homeCardVisible, navGroups, navItemVisible } from '../../app/navigation';
import { useCan, useScope } from '../../app/permissions';
import { useMe } from '../../app/session';
import { PageTitle } from '../../components/page-title';

/** Quick links: the first few pages of the menu the user may open, as one small row. */
const quickLinkCount = 8;

/**
 * The workbench: a greeting, a row of quick links, and the cards the modules add (`homeCards` in their web
 * manifests) that the user may see, each loading its own data.
 */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const can = useCan();
  const scope = useScope();
  if (!me) return null;

  const roleName = i18n.language === 'en' ? me.role.nameEn : me.role.name;
  const shortcuts = navGroups
    .flatMap((group) => group.items)
    .filter((item) => item.path !== '/' && navItemVisible(item, can))
    .slice(0, quickLinkCount);
  const cards = homeCards.filter((card) => homeCardVisible(card, scope));

  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.user.name })} />
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        <span data-testid="home-role">{roleName}</span> · <span data-testid="home-org">{me.organization.name}</span>
      </Typography.Paragraph>
      {shortcuts.length > 0 && (
        <Flex wrap gap="small" style={{ marginBottom: 16 }} data-testid="home-quick-links">
          {shortcuts.map((item) => (
            <Link key={item.key} to={item.path}>
              <Card size="small" hoverable styles={{ body: { padding: '4px 12px' } }}>
                <item.icon /> {t(item.labelKey)}
              </Card>
            </Link>
          ))}
        </Flex>
      )}
      {cards.length === 0 ? (
        <Card>
          <Typography.Text type="secondary">{t('home.noCards')}</Typography.Text>
        </Card>
      ) : (
        <Row gutter={[16, 16]} data-testid="home-cards">
          {cards.map(({ key, width, card: HomeCard }) => (
            <Col key={key} xs={24} lg={width === 8 ? 12 : 24} xl={width}>
              <Suspense fallback={<Spin />}>
                <HomeCard />
              </Suspense>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
