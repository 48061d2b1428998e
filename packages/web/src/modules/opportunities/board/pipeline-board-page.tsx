import { SearchOutlined } from '@ant-design/icons';
import type { Opportunity, Stage } from '@berth/domain';
import { Flex, Input, Switch, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { PipelineActions } from '../pipeline-nav';
import { useMoveOpportunity } from '../use-move-opportunity';
import { useStages } from '../use-pipeline-settings';
import { BoardColumn, type PendingMove } from './board-column';

/** The pipeline as a kanban board: one column per stage; drag a card to move it. */
export function PipelineBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { stages, isPending } = useStages();
  const [text, setText] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  const q = useDebouncedValue(text.trim(), 350);
  const filters = useMemo(() => ({ q: q || undefined, owner: onlyMine ? 'me' : undefined }), [q, onlyMine]);
  const dragged = useRef<Opportunity | null>(null);
  const dropTarget = useRef<Stage | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const { move, dialog } = useMoveOpportunity({
    onMoving: (card, stage) =>
      setPending(stage && dragged.current?.id === card.id ? { opportunity: dragged.current, stage: stage.key } : null),
  });

  if (isPending) return <FullPageSpin />;

  // The move starts when the drag has ended: re-rendering the board while the browser still
  // finishes the drag on the source card would leave the drag half done.
  const onDrop = (stage: Stage) => {
    dropTarget.current = stage;
  };
  const onDragEnd = () => {
    const card = dragged.current;
    const stage = dropTarget.current;
    dropTarget.current = null;
    if (card && stage) move(card, stage);
  };

  return (
    <>
      <PageTitle title={t('opportunities.board')} extra={<PipelineActions view="board" />} />
      <Flex gap="middle" align="center" wrap style={{ marginBottom: 12 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('opportunities.searchPlaceholder')}
          aria-label={t('opportunities.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 320 }}
          data-testid="board-search"
        />
        <Flex gap={8} align="center">
          <Switch checked={onlyMine} onChange={setOnlyMine} data-testid="board-only-mine" />
          <span>{t('opportunities.onlyMine')}</span>
        </Flex>
        <Typography.Text type="secondary">{t('opportunities.dragHint')}</Typography.Text>
      </Flex>
      <Flex gap={12} align="start" style={{ overflowX: 'auto', paddingBottom: 12 }} data-testid="pipeline-board">
        {stages.map((stage) => (
          <BoardColumn
            key={stage.key}
            stage={stage}
            filters={filters}
            canMove={can('opportunities', 'update')}
            pending={pending}
            onDragStart={(o) => {
              dragged.current = o;
            }}
            onDragEnd={onDragEnd}
            onDrop={onDrop}
          />
        ))}
      </Flex>
      {dialog}
    </>
  );
}
