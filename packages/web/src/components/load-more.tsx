import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreProps {
  count: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Footer of keyset-paginated tables: how many rows are shown and a "load more" button. */
export function LoadMore({ count, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation();
  if (count === 0 && !hasMore) return null;
  return (
    <Flex justify="center" align="center" gap="middle" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">
        {hasMore ? t('common.loadedCount', { total: count }) : t('common.allLoaded', { total: count })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
