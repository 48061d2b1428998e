import type { HomeCardScope } from '@berth/domain';
import { Alert, Card, Skeleton, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface HomeCardFrameProps {
  testId: string;
  title: ReactNode;
  /** Whose records the numbers count (shown as a tag beside the title). */
  scope?: HomeCardScope;
  /** The page with everything the card lists. */
  viewAll?: string;
  loading: boolean;
  failed: boolean;
  children: ReactNode;
}

/** The frame of a home card: title, scope, a link to the full list, and its loading and error states. */
export function HomeCardFrame({ testId, title, scope, viewAll, loading, failed, children }: HomeCardFrameProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={testId}
      style={{ height: '100%' }}
      title={
        <span>
          {title}
          {scope && (
            <Tag style={{ marginInlineStart: 8 }} bordered={false} data-testid={`${testId}-scope`}>
              {t(`homeCard.${scope}`)}
            </Tag>
          )}
        </span>
      }
      extra={viewAll ? <Link to={viewAll}>{t('homeCard.viewAll')}</Link> : undefined}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : failed ? (
        <Alert type="warning" showIcon message={t('homeCard.loadFailed')} />
      ) : (
        children
      )}
    </Card>
  );
}
