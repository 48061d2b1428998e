import { ExportOutlined } from '@ant-design/icons';
import type { DuplicateCandidate, ForeignDuplicate } from '@berth/domain';
import { Alert, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCustomerLabels } from '../use-customer-labels';

interface DuplicateWarningProps {
  candidates: DuplicateCandidate[];
  /** The same company among customers the user may not open: its name and owner only. */
  elsewhere: ForeignDuplicate[];
}

/** Existing customers that look like the one being entered; a warning only, saving stays possible. */
export function DuplicateWarning({ candidates, elsewhere }: DuplicateWarningProps) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  if (candidates.length === 0 && elsewhere.length === 0) return null;

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="duplicate-warning"
      style={{ marginBottom: 16 }}
      title={t('customers.duplicates.title')}
      description={
        <Flex vertical gap={6}>
          <Typography.Text type="secondary">{t('customers.duplicates.description')}</Typography.Text>
          {candidates.map((candidate) => (
            <Flex key={candidate.customer.id} gap={8} align="center" wrap data-testid="duplicate-candidate">
              <Link
                to={`/customers/${encodeURIComponent(candidate.customer.id)}`}
                target="_blank"
                rel="noopener"
                title={t('customers.duplicates.open')}
              >
                {candidate.customer.code} {candidate.customer.name}
                {candidate.customer.nameEn ? ` / ${candidate.customer.nameEn}` : ''} <ExportOutlined />
              </Link>
              <Tag color={candidate.score >= 80 ? 'red' : 'orange'}>
                {t('customers.duplicates.score', { score: candidate.score })}
              </Tag>
              {candidate.reasons.map((reason) => (
                <Tag key={reason}>{labels.duplicateReason(reason)}</Tag>
              ))}
            </Flex>
          ))}
          {elsewhere.map((found) => (
            <Flex
              key={`${found.name}-${found.ownerName}`}
              gap={8}
              align="center"
              wrap
              data-testid="duplicate-elsewhere"
            >
              <Typography.Text>
                {found.ownerName
                  ? t('customers.duplicates.elsewhere', { name: found.name, owner: found.ownerName })
                  : t('customers.duplicates.elsewhereNoOwner', { name: found.name })}
              </Typography.Text>
              {found.reasons.map((reason) => (
                <Tag key={reason}>{labels.duplicateReason(reason)}</Tag>
              ))}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
