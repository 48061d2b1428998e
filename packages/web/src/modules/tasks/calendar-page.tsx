import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { type CalendarItem, endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Calendar, Card, Flex, Segmented, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { PageTitle } from '../../components/page-title';
import { ActivityKindIcon, activityKindColors, useActivityKindLabel } from '../activities';
import { calendarDaysOf, dayKey } from './calendar-days';
import { CalendarFeedCard } from './calendar-feed-card';
import { taskKeys } from './query-keys';

type View = 'month' | 'week';

/** The days the view shows: the month's full weeks (six of them), or one week. */
function rangeOf(value: Dayjs, view: View): { from: Dayjs; to: Dayjs } {
  const from = view === 'month' ? value.startOf('month').startOf('week') : value.startOf('week');
  return { from, to: from.add(view === 'month' ? 42 : 7, 'day') };
}

function ItemTag({ item }: { item: CalendarItem }) {
  const { t } = useTranslation();
  const kindLabel = useActivityKindLabel();
  const navigate = useNavigate();
  const label =
    item.type === 'task'
      ? t('calendar.task')
      : item.type === 'sales_event'
        ? t(`salesEvents.kinds.${item.salesEventKind ?? 'visit'}`)
        : kindLabel(item.activityKind ?? 'call');
  const color =
    item.type === 'task'
      ? item.taskStatus === 'done'
        ? 'default'
        : 'orange'
      : item.type === 'sales_event'
        ? 'magenta'
        : activityKindColors[item.activityKind ?? 'call'];
  const where = item.customerName ?? item.place;
  return (
    <Tag
      color={color}
      style={{
        display: 'block',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        cursor: 'pointer',
      }}
      icon={item.activityKind ? <ActivityKindIcon kind={item.activityKind} /> : undefined}
      title={`${dayjs(item.start).format('HH:mm')} ${label}: ${item.title}${where ? ` · ${where}` : ''}`}
      onClick={(event) => {
        event.stopPropagation();
        if (item.type === 'sales_event') navigate(`/sales-events/${encodeURIComponent(item.id)}`);
        else if (item.customerId) navigate(`/customers/${encodeURIComponent(item.customerId)}`);
      }}
      data-testid={`calendar-${item.type}`}
    >
      {dayjs(item.start).format('HH:mm')} {item.title}
    </Tag>
  );
}

/**
 * Tasks by due time, activities by when they happen and sales events over the days they run, a month
 * or a week at a time, plus the feed to subscribe to.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [value, setValue] = useState(() => dayjs());
  const [view, setView] = useState<View>('month');
  const { from, to } = rangeOf(value, view);
  const items = useQuery({
    queryKey: [...taskKeys.all, 'calendar', from.toISOString(), to.toISOString()],
    queryFn: ({ signal }) =>
      call(endpoints.calendar.items, { query: { from: from.format(), to: to.format() }, signal }),
  });
  const byDay = useMemo(() => {
    const map = new Map<string, CalendarItem[]>();
    for (const item of items.data?.items ?? []) {
      for (const key of calendarDaysOf(item)) map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  }, [items.data]);

  return (
    <div data-testid="calendar-page">
      <PageTitle
        title={t('calendar.title')}
        extra={
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: 'month', label: t('calendar.month') },
              { value: 'week', label: t('calendar.week') },
            ]}
            data-testid="calendar-view"
          />
        }
      />
      <Flex vertical gap={16}>
        <Card>
          {view === 'month' ? (
            <Calendar
              value={value}
              onChange={setValue}
              cellRender={(date, info) =>
                info.type === 'date' ? (
                  <Flex vertical gap={2}>
                    {(byDay.get(dayKey(date)) ?? []).map((item) => (
                      <ItemTag key={`${item.type}-${item.id}`} item={item} />
                    ))}
                  </Flex>
                ) : (
                  info.originNode
                )
              }
            />
          ) : (
            <>
              <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
                <Button
                  icon={<LeftOutlined />}
                  onClick={() => setValue(value.subtract(1, 'week'))}
                  aria-label={t('calendar.previous')}
                />
                <Button onClick={() => setValue(dayjs())}>{t('calendar.thisWeek')}</Button>
                <Button
                  icon={<RightOutlined />}
                  onClick={() => setValue(value.add(1, 'week'))}
                  aria-label={t('calendar.next')}
                />
              </Flex>
              <Flex gap={8} data-testid="calendar-week">
                {Array.from({ length: 7 }, (_, i) => from.add(i, 'day')).map((date) => (
                  <Flex key={dayKey(date)} vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong type={date.isSame(dayjs(), 'day') ? undefined : 'secondary'}>
                      {date.format('ddd MM-DD')}
                    </Typography.Text>
                    {(byDay.get(dayKey(date)) ?? []).map((item) => (
                      <ItemTag key={`${item.type}-${item.id}`} item={item} />
                    ))}
                  </Flex>
                ))}
              </Flex>
            </>
          )}
        </Card>
        <CalendarFeedCard />
      </Flex>
    </div>
  );
}
