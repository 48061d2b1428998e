import type { ImportRecord } from '@berth/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<ImportRecord['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

/** The import's state in words; `data-status` carries the raw value for tests. */
export function ImportStatusTag({ status }: { status: ImportRecord['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="import-status" data-status={status}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}
