import type { Opportunity } from '@berth/domain';
import { Card, Flex, Tag, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useOpportunityLabels } from '../use-opportunity-labels';

interface OpportunityCardProps {
  opportunity: Opportunity;
  draggable: boolean;
  pending?: boolean;
  onDragStart: (opportunity: Opportunity) => void;
  onDragEnd: () => void;
}

/** One opportunity on the board: customer, lane, money (when visible), owner and close date. */
export function OpportunityCard({ opportunity: o, draggable, pending, onDragStart, onDragEnd }: OpportunityCardProps) {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const names = useReferenceNames();
  const lane = o.lanes[0];
  return (
    <Card
      size="small"
      draggable={draggable && !pending}
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData('text/plain', o.id);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(o);
      }}
      onDragEnd={onDragEnd}
      style={{ cursor: draggable ? 'grab' : undefined, opacity: pending ? 0.5 : 1 }}
      data-testid="opportunity-card"
      data-id={o.id}
      data-title={o.title}
    >
      <Flex vertical gap={2}>
        <Link to={`/opportunities/${encodeURIComponent(o.id)}`} draggable={false} data-testid="opportunity-card-title">
          {o.title}
        </Link>
        <Typography.Text type="secondary" ellipsis>
          {o.code} · {o.customerName}
        </Typography.Text>
        {lane && (
          <Typography.Text style={{ fontSize: 12 }} title={`${lane.pol}-${lane.pod}`} data-testid="card-lane">
            {names.port(lane.pol)}→{names.port(lane.pod)} · {lane.mode.toUpperCase()}
            {o.lanes.length > 1 ? ` +${o.lanes.length - 1}` : ''}
          </Typography.Text>
        )}
        <Flex justify="space-between" align="center" wrap gap={4}>
          {o.expectedRevenue !== null ? (
            <Typography.Text strong style={{ fontSize: 12 }} data-testid="card-revenue">
              {labels.money(o.expectedRevenue)}
            </Typography.Text>
          ) : (
            <span />
          )}
          <Tag style={{ marginInlineEnd: 0 }}>{o.probability}%</Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.ownerName ?? t('common.none')}
          {o.expectedCloseDate ? ` · ${o.expectedCloseDate}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
