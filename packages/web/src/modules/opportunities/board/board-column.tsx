import { type EndpointQuery, endpoints, type Opportunity, type Stage, weightedTotals } from '@berth/domain';
import { Badge, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { type DragEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKeysetList } from '../../../app/use-keyset-list';
import { opportunityKeys } from '../query-keys';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { OpportunityCard } from './opportunity-card';

export interface PendingMove {
  opportunity: Opportunity;
  stage: string;
}

interface BoardColumnProps {
  stage: Stage;
  filters: Omit<NonNullable<EndpointQuery<typeof endpoints.opportunities.list>>, 'limit' | 'cursor' | 'stage'>;
  canMove: boolean;
  pending: PendingMove | null;
  onDragStart: (opportunity: Opportunity) => void;
  onDragEnd: () => void;
  onDrop: (stage: Stage) => void;
}

/** The weighted open amount of the loaded cards, per currency ("65,500 CNY · 2,000 USD"). */
function useWeightedTotals(items: Opportunity[]): string | null {
  const labels = useOpportunityLabels();
  return useMemo(() => {
    const totals = weightedTotals(
      items.flatMap((o) =>
        o.expectedRevenue !== null && o.status === 'open'
          ? [{ money: o.expectedRevenue, probability: o.probability }]
          : [],
      ),
    );
    if (totals.length === 0) return null;
    return totals.map(labels.money).join(' · ');
  }, [items, labels]);
}

/** One stage of the board: its cards page by page, and a drop target for cards from other stages. */
export function BoardColumn({ stage, filters, canMove, pending, onDragStart, onDragEnd, onDrop }: BoardColumnProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const params = useMemo(() => ({ ...filters, stage: stage.key }), [filters, stage.key]);
  const list = useKeysetList({
    queryKey: [...opportunityKeys.opportunities, 'board'],
    endpoint: endpoints.opportunities.list,
    query: params,
    pageSize: 30,
  });
  // While a move is on its way the card already shows where it goes, greyed out.
  const items = useMemo(() => {
    const staying = list.items.filter((o) => !(pending && pending.opportunity.id === o.id));
    return pending && pending.stage === stage.key ? [pending.opportunity, ...staying] : staying;
  }, [list.items, pending, stage.key]);
  const weighted = useWeightedTotals(items);

  const allowDrop = (event: DragEvent) => {
    if (!canMove) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };

  return (
    <Card
      size="small"
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <span data-testid="column-title">{stage.name}</span>
          <Badge count={items.length} showZero color="#8c8c8c" overflowCount={999} data-testid="column-count" />
        </Flex>
      }
      extra={null}
      // Columns share the width (six stages fit at 1440 px); closed stages are narrower, being drop targets mostly.
      style={{
        flex: stage.kind === 'open' ? '1 1 200px' : '0 1 168px',
        minWidth: stage.kind === 'open' ? 188 : 156,
        maxWidth: 320,
        background: over ? '#e6f4ff' : '#fafafa',
      }}
      styles={{ body: { padding: 8, minHeight: 160 } }}
      onDragOver={allowDrop}
      onDragEnter={allowDrop}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDrop(stage);
      }}
      data-testid={`board-column-${stage.key}`}
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {stage.probability}%{weighted ? ` · ${t('opportunities.weighted')} ${weighted}` : ''}
        </Typography.Text>
        {list.loading && <Spin />}
        {!list.loading && items.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opportunities.columnEmpty')} />
        )}
        {items.map((o) => (
          <OpportunityCard
            key={o.id}
            opportunity={o}
            draggable={canMove}
            pending={pending?.opportunity.id === o.id}
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
          />
        ))}
        {list.hasMore && (
          <Button size="small" type="link" loading={list.loadingMore} onClick={list.loadMore}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
