import { ExportOutlined } from '@ant-design/icons';
import type { DuplicateCandidate } from '@berth/domain';
import { Button, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCustomerLabels } from '../use-customer-labels';
import { mergeSourceLabel } from './merge-source-select';
import type { MergeSource } from './use-merge-customer';

interface MergeCandidatesProps {
  candidates: DuplicateCandidate[];
  loading: boolean;
  selectedId: string | undefined;
  onPick: (source: MergeSource) => void;
}

/** Likely duplicates of the customer as quick picks, with their score and why they look alike. */
export function MergeCandidates({ candidates, loading, selectedId, onPick }: MergeCandidatesProps) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  if (loading) return <Spin size="small" />;
  if (candidates.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="merge-no-candidates">
        {t('customers.merge.noSuggestions')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={8}>
      {candidates.map((candidate) => {
        const picked = candidate.customer.id === selectedId;
        return (
          <Flex key={candidate.customer.id} gap={8} align="center" wrap data-testid="merge-candidate">
            <Button
              size="small"
              type={picked ? 'primary' : 'default'}
              onClick={() => onPick(candidate.customer)}
              data-testid="merge-candidate-pick"
            >
              {picked ? t('customers.merge.picked') : t('customers.merge.pick')}
            </Button>
            <Link
              to={`/customers/${encodeURIComponent(candidate.customer.id)}`}
              target="_blank"
              rel="noopener"
              title={t('customers.duplicates.open')}
            >
              {mergeSourceLabel(candidate.customer)} <ExportOutlined />
            </Link>
            <Tag color={candidate.score >= 80 ? 'red' : 'orange'}>
              {t('customers.duplicates.score', { score: candidate.score })}
            </Tag>
            {candidate.reasons.map((reason) => (
              <Tag key={reason}>{labels.duplicateReason(reason)}</Tag>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
