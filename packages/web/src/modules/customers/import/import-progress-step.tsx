import type { ImportRecord } from '@berth/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Progress,
  Result,
  Row,
  Spin,
  Statistic,
  Typography,
  theme,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../app/api-error';
import { formatDateTime } from '../../../app/format';
import { currentLocale } from '../../../app/i18n';
import { importEntityUi } from './import-entities';
import { ImportErrorTable } from './import-error-table';
import { encodingLabel, isSpreadsheet } from './import-file';
import { ImportStatusTag } from './import-status-tag';
import { isImportRunning, useImportProgress } from './use-customer-import';

interface ImportProgressStepProps {
  importId: string;
  /** Starts over, with the entity of the import just shown when it is known. */
  onImportAnother: (entity: ImportRecord['entity']) => void;
}

function Counter({ title, value, testId, color }: { title: string; value: number; testId: string; color?: string }) {
  return (
    <Statistic
      title={title}
      value={value}
      styles={{ content: color ? { color } : undefined }}
      valueRender={(node: ReactNode) => (
        <span data-testid={testId} data-value={value}>
          {node}
        </span>
      )}
    />
  );
}

function ImportProgressBar({ record }: { record: ImportRecord }) {
  const { t } = useTranslation();
  if (record.total === null) {
    // Not counted yet: a moving bar without a number.
    return (
      <>
        <Progress percent={100} status="active" showInfo={false} data-testid="import-progress" />
        <Typography.Text type="secondary">{t('imports.counting')}</Typography.Text>
      </>
    );
  }
  const percent = record.total === 0 ? 100 : Math.floor((record.processed / record.total) * 100);
  const status = record.status === 'failed' ? 'exception' : isImportRunning(record) ? 'active' : 'success';
  return (
    <>
      <Progress percent={percent} status={status} data-testid="import-progress" />
      <Typography.Text type="secondary" data-testid="import-processed">
        {t('imports.progressText', { processed: record.processed, total: record.total })}
      </Typography.Text>
    </>
  );
}

/** Step 3: the import's progress, asked every second until it ends; then its counters and errors. */
export function ImportProgressStep({ importId, onImportAnother }: ImportProgressStepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { data: record, error } = useImportProgress(importId);

  const again = (
    <Button onClick={() => onImportAnother(record?.entity ?? 'customers')} data-testid="import-again">
      {t('imports.importAnother')}
    </Button>
  );

  if (!record) {
    if (!error) return <Spin />;
    const missing = isApiError(error) && (error.status === 404 || error.status === 422);
    return (
      <Result
        status={missing ? '404' : 'error'}
        subTitle={missing || !isApiError(error) ? t('imports.notFound') : error.displayMessage(currentLocale())}
        extra={again}
      />
    );
  }

  const running = isImportRunning(record);
  const listPath = importEntityUi[record.entity].listPath;
  return (
    <div data-testid="import-progress-step">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            { key: 'entity', label: t('imports.entityLabel'), children: t(`imports.entity.${record.entity}`) },
            { key: 'file', label: t('imports.fileName'), children: record.fileName },
            {
              key: 'encoding',
              label: t('imports.encoding'),
              children: isSpreadsheet(record.fileName)
                ? t('imports.encodingXlsx')
                : encodingLabel(record.encoding ?? 'utf-8'),
            },
            {
              key: 'status',
              label: t('customers.fields.status'),
              children: <ImportStatusTag status={record.status} />,
            },
          ]}
        />
        <ImportProgressBar record={record} />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Counter
              title={t('imports.created')}
              value={record.created}
              testId="import-created"
              color={token.colorSuccess}
            />
          </Col>
          <Col xs={12} md={6}>
            <Counter
              title={t('imports.updated')}
              value={record.updated}
              testId="import-updated"
              color={token.colorPrimary}
            />
          </Col>
          <Col xs={12} md={6}>
            <Counter title={t('imports.skipped')} value={record.skipped} testId="import-skipped" />
          </Col>
          <Col xs={12} md={6}>
            <Counter
              title={t('imports.failedRows')}
              value={record.failed}
              testId="import-failed"
              color={record.failed > 0 ? token.colorError : undefined}
            />
          </Col>
        </Row>
      </Card>

      {record.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.failedMessage', { message: record.message ?? t('common.none') })}
          data-testid="import-message"
        />
      )}
      {running && record.message && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.retrying', { message: record.message })}
          data-testid="import-message"
        />
      )}
      {record.status === 'succeeded' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.doneTitle')}
          description={record.finishedAt ? formatDateTime(record.finishedAt) : undefined}
          data-testid="import-done"
        />
      )}

      {record.errors.length > 0 && <ImportErrorTable record={record} />}

      <Flex gap="small">
        {!running && listPath && (
          <Button type="primary" onClick={() => navigate(listPath)} data-testid="import-to-customers">
            {t(`imports.toList.${record.entity}`)}
          </Button>
        )}
        {again}
      </Flex>
    </div>
  );
}
