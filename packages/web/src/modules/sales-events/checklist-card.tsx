import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ChecklistItemDto, SalesEvent } from '@berth/domain';
import { Button, Card, Checkbox, Empty, Flex, Input, List, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useSaveChecklist } from './use-sales-events';

const asInput = (items: ChecklistItemDto[]) => items.map(({ id, text, done }) => ({ id, text, done }));

/**
 * The preparation checklist: participants and editors add, tick and remove items. Every change
 * sends the whole list at the version read; a colleague's change in between answers 412 and reloads.
 */
export function ChecklistCard({ event, mayWork }: { event: SalesEvent; mayWork: boolean }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const save = useSaveChecklist(event.id);
  const [text, setText] = useState('');
  const items = asInput(event.checklist);

  const send = (next: { id?: string; text: string; done: boolean }[], after?: () => void) =>
    save.mutate(
      { input: { items: next }, version: event.version },
      { onSuccess: after, onError: (e) => handleError(e) },
    );
  const add = () => {
    const value = text.trim();
    if (value) send([...items, { text: value, done: false }], () => setText(''));
  };

  return (
    <Card title={t('salesEvents.checklist.title')} data-testid="event-checklist">
      {event.checklist.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('salesEvents.checklist.empty')} />
      ) : (
        <List
          size="small"
          dataSource={event.checklist}
          renderItem={(item) => (
            <List.Item
              data-testid="checklist-item"
              actions={
                mayWork
                  ? [
                      <Tooltip key="remove" title={t('salesEvents.checklist.remove')}>
                        <Button
                          type="text"
                          size="small"
                          icon={<DeleteOutlined />}
                          aria-label={t('salesEvents.checklist.remove')}
                          onClick={() => send(items.filter((i) => i.id !== item.id))}
                          data-testid="checklist-remove"
                        />
                      </Tooltip>,
                    ]
                  : []
              }
            >
              <Flex vertical>
                <Checkbox
                  checked={item.done}
                  disabled={!mayWork || save.isPending}
                  onChange={(e) => send(items.map((i) => (i.id === item.id ? { ...i, done: e.target.checked } : i)))}
                  data-testid="checklist-tick"
                >
                  {item.text}
                </Checkbox>
                {item.done && item.doneAt && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 24 }}>
                    {t('salesEvents.checklist.doneBy', {
                      name: item.doneByName ?? t('timeline.someone'),
                      at: formatDateTime(item.doneAt),
                    })}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {mayWork && (
        <Flex gap="small" style={{ marginTop: 12 }}>
          <Input
            value={text}
            maxLength={300}
            placeholder={t('salesEvents.checklist.placeholder')}
            aria-label={t('salesEvents.checklist.placeholder')}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={add}
            data-testid="checklist-new"
          />
          <Button icon={<PlusOutlined />} onClick={add} loading={save.isPending} data-testid="checklist-add">
            {t('salesEvents.checklist.add')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
