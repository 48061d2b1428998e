import { CheckCircleOutlined, CloseCircleOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { Opportunity } from '@berth/domain';
import { App, Button, Card, Flex, Popconfirm, Result, Steps, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { ActivityList } from '../../activities';
import { RecordAttachments } from '../../customers';
import { OpportunityStatusTag } from '../status-tag';
import { useMoveOpportunity } from '../use-move-opportunity';
import { useDeleteOpportunity, useOpportunity } from '../use-opportunities';
import { useStages } from '../use-pipeline-settings';
import { EditOpportunityModal } from './edit-opportunity-modal';
import { OpportunityDetails } from './opportunity-details';
import { OpportunityInquiries } from './opportunity-inquiries';
import { StageHistory } from './stage-history';

export function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, isPending } = useOpportunity(id);
  if (isPending) return <FullPageSpin />;
  if (!data) return <Result status="404" title={t('opportunities.notFound')} />;
  return <OpportunityView opportunity={data} />;
}

/** Where the opportunity is in the pipeline; a click on an open stage moves it there. */
function StageSteps({ opportunity, onMove }: { opportunity: Opportunity; onMove?: (key: string) => void }) {
  const { stages } = useStages();
  const open = stages.filter((s) => s.kind === 'open');
  const current = open.findIndex((s) => s.key === opportunity.stage);
  const closed = stages.find((s) => s.key === opportunity.stage && s.kind !== 'open');
  const items = [...open, ...(closed ? [closed] : [])].map((s) => ({
    title: s.name,
    description: `${s.probability}%`,
    disabled: !onMove || s.kind !== 'open',
    status: (closed && s.key === closed.key ? (closed.kind === 'won' ? 'finish' : 'error') : undefined) as
      | 'finish'
      | 'error'
      | undefined,
  }));
  return (
    <Steps
      size="small"
      current={closed ? items.length - 1 : Math.max(current, 0)}
      items={items}
      onChange={(index) => {
        const target = open[index];
        if (onMove && target) onMove(target.key);
      }}
      style={{ marginBottom: 16 }}
      data-testid="opportunity-stages"
    />
  );
}

function OpportunityView({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { stages, byKey } = useStages();
  const { move, dialog } = useMoveOpportunity();
  const remove = useDeleteOpportunity();
  const [editing, setEditing] = useState(false);
  const mayUpdate = can('opportunities', 'update');
  const wonStage = stages.find((s) => s.kind === 'won');
  const lostStage = stages.find((s) => s.kind === 'lost');

  const moveTo = (key: string) => {
    const stage = byKey.get(key);
    if (stage) move(o, stage);
  };

  return (
    <div data-testid="opportunity-page">
      <PageTitle
        title={o.title}
        extra={
          <>
            {mayUpdate && o.status === 'open' && wonStage && (
              <Button icon={<CheckCircleOutlined />} onClick={() => move(o, wonStage)} data-testid="mark-won">
                {t('opportunities.markWon')}
              </Button>
            )}
            {mayUpdate && o.status === 'open' && lostStage && (
              <Button danger icon={<CloseCircleOutlined />} onClick={() => move(o, lostStage)} data-testid="mark-lost">
                {t('opportunities.markLost')}
              </Button>
            )}
            {mayUpdate && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-opportunity">
                {t('common.edit')}
              </Button>
            )}
            {can('opportunities', 'delete') && (
              <Popconfirm
                title={t('opportunities.deleteConfirm', { title: o.title })}
                onConfirm={() =>
                  remove.mutate(o, {
                    onSuccess: () => {
                      void message.success(t('opportunities.deleted'));
                      navigate('/opportunities/list');
                    },
                    onError: (error) => handleError(error),
                  })
                }
              >
                <Button
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('opportunities.delete')}
                  data-testid="delete-opportunity"
                />
              </Popconfirm>
            )}
          </>
        }
      />
      <Flex gap="small" align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <OpportunityStatusTag status={o.status} />
        <Typography.Text type="secondary">
          {o.code} · {byKey.get(o.stage)?.name ?? o.stage}
        </Typography.Text>
      </Flex>
      <StageSteps opportunity={o} onMove={mayUpdate && o.status === 'open' ? moveTo : undefined} />
      <Card>
        <Tabs
          items={[
            {
              key: 'details',
              label: t('opportunities.tabs.details'),
              children: <OpportunityDetails opportunity={o} />,
            },
            ...(can('activities', 'read')
              ? [
                  {
                    key: 'activities',
                    label: t('activities.tab'),
                    children: <ActivityList customerId={o.customerId} opportunityId={o.id} />,
                  },
                ]
              : []),
            { key: 'history', label: t('opportunities.tabs.history'), children: <StageHistory opportunityId={o.id} /> },
            ...(can('attachments', 'read')
              ? [
                  {
                    key: 'attachments',
                    label: t('opportunities.tabs.attachments'),
                    children: <RecordAttachments owner="opportunity" id={o.id} customerId={o.customerId} compact />,
                  },
                ]
              : []),
            ...(can('inquiries', 'read')
              ? [
                  {
                    key: 'inquiries',
                    label: t('opportunities.tabs.inquiries'),
                    children: <OpportunityInquiries opportunityId={o.id} />,
                  },
                ]
              : []),
          ]}
          destroyOnHidden
        />
      </Card>
      {editing && <EditOpportunityModal opportunity={o} onClose={() => setEditing(false)} />}
      {dialog}
    </div>
  );
}
