import { LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { Opportunity, Stage } from '@berth/domain';
import { Button, Flex, Input, Switch, Typography } from 'antd';
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
import { useHorizontalOverflow } from './use-horizontal-overflow';

/** How far one click on a scroll button moves the board: about one column. */
const scrollStep = 300;
/** While a card is dragged this close to an edge of the board, the board scrolls that way. */
const dragEdge = 64;

const edgeButton = (side: 'left' | 'right'): React.CSSProperties => ({
  position: 'absolute',
  top: 0,
  bottom: 12,
  [side]: 0,
  width: 40,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 2,
  background: `linear-gradient(to ${side === 'left' ? 'right' : 'left'}, rgba(255,255,255,0.95), rgba(255,255,255,0))`,
});

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
  const board = useRef<HTMLDivElement | null>(null);
  const overflow = useHorizontalOverflow(board);
  const scrollBy = (dx: number) => board.current?.scrollBy({ left: dx, behavior: 'smooth' });
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
      <div style={{ position: 'relative' }}>
        {overflow.left && (
          <div style={edgeButton('left')}>
            <Button
              shape="circle"
              icon={<LeftOutlined />}
              aria-label={t('opportunities.scrollLeft')}
              title={t('opportunities.scrollLeft')}
              onClick={() => scrollBy(-scrollStep)}
              data-testid="board-scroll-left"
            />
          </div>
        )}
        {overflow.right && (
          <div style={edgeButton('right')}>
            <Button
              shape="circle"
              icon={<RightOutlined />}
              aria-label={t('opportunities.scrollRight')}
              title={t('opportunities.scrollRight')}
              onClick={() => scrollBy(scrollStep)}
              data-testid="board-scroll-right"
            />
          </div>
        )}
        <Flex
          ref={board}
          gap={12}
          align="start"
          style={{ overflowX: 'auto', paddingBottom: 12 }}
          onDragOver={(event) => {
            // A card dragged to an edge scrolls the board, so every column can be reached by dragging.
            const box = board.current;
            if (!box) return;
            const { left, right } = box.getBoundingClientRect();
            if (event.clientX < left + dragEdge) box.scrollLeft -= 20;
            else if (event.clientX > right - dragEdge) box.scrollLeft += 20;
          }}
          data-testid="pipeline-board"
        >
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
      </div>
      {dialog}
    </>
  );
}
