import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { ChangePasswordCard } from './change-password-card';
import { ProfileCard } from './profile-card';
import { SessionsCard } from './sessions-card';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('account.title')} />
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <ProfileCard />
        </Col>
        <Col xs={24} lg={12}>
          <ChangePasswordCard />
        </Col>
        <Col span={24}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
