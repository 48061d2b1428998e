import { Alert, App, Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamLookup, useUserLookup } from '../../app/directory-lookups';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { AssignModal } from './assign-modal';
import { ReleaseModal } from './release-modal';
import { useClaimCustomer, useCustomerOwnership } from './use-pool';

/** On the customer page: owner, protection, pool state and return date, with Claim / Return to pool / Assign. */
export function CustomerOwnershipCard({ customer }: { customer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data: ownership } = useCustomerOwnership(customer.id);
  const users = useUserLookup().byId;
  const teams = useTeamLookup().byId;
  const claim = useClaimCustomer();
  const [dialog, setDialog] = useState<'release' | 'assign' | null>(null);
  if (!ownership) return null;
  const inPool = ownership.ownerId === null && ownership.pooledAt !== null;
  const protectedNow = ownership.protectedUntil !== null && new Date(ownership.protectedUntil) > new Date();

  const items = [
    {
      key: 'owner',
      label: t('pool.owner'),
      children: inPool ? (
        <Tag color="orange" data-testid="in-pool-badge">
          {t('pool.inPool')}
        </Tag>
      ) : (
        <span data-testid="ownership-owner">
          {(ownership.ownerId && users.get(ownership.ownerId)?.name) || t('common.none')}
          {ownership.teamId && teams.get(ownership.teamId) ? ` · ${teams.get(ownership.teamId)?.name}` : ''}
        </span>
      ),
    },
    inPool
      ? { key: 'pooledAt', label: t('pool.columns.pooledAt'), children: formatDateTime(ownership.pooledAt) }
      : { key: 'ownerSince', label: t('pool.ownerSince'), children: formatDateTime(ownership.ownerSince) },
    {
      key: 'protectedUntil',
      label: t('pool.protectedUntil'),
      children: (
        <span data-testid="protected-until">
          {protectedNow ? formatDateTime(ownership.protectedUntil) : t('common.none')}
        </span>
      ),
    },
    { key: 'lastFollowUpAt', label: t('pool.lastFollowUpAt'), children: formatDateTime(ownership.lastFollowUpAt) },
    { key: 'lastDealAt', label: t('pool.lastDealAt'), children: formatDateTime(ownership.lastDealAt) },
  ];
  if (ownership.returnsAt) {
    items.push({ key: 'returnsAt', label: t('pool.returnsAt'), children: formatDateTime(ownership.returnsAt) });
  }

  const actions = (
    <Flex gap="small">
      {ownership.canClaim && (
        <Button
          type="primary"
          loading={claim.isPending}
          onClick={() =>
            claim.mutate(customer.id, {
              onSuccess: () => void message.success(t('pool.claimed', { name: customer.name })),
              onError: (error) => handleError(error),
            })
          }
          data-testid="claim-customer"
        >
          {t('pool.claim')}
        </Button>
      )}
      {ownership.canRelease && (
        <Button onClick={() => setDialog('release')} data-testid="release-customer">
          {t('pool.release')}
        </Button>
      )}
      {ownership.canAssign && (
        <Button onClick={() => setDialog('assign')} data-testid="assign-customer">
          {t('pool.assign')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="customer-ownership"
      extra={actions}
      title={t('pool.ownershipTitle')}
    >
      {inPool && ownership.canClaim && (
        <Alert type="info" showIcon title={t('pool.intro')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} items={items} />
      {dialog === 'release' && <ReleaseModal customer={customer} onClose={() => setDialog(null)} />}
      {dialog === 'assign' && <AssignModal customer={customer} onClose={() => setDialog(null)} />}
    </Card>
  );
}
