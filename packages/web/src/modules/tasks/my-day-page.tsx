import { PlusOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { PageTitle } from '../../components/page-title';
import { taskKeys, userTimeZone } from './query-keys';
import { TaskFormModal } from './task-form-modal';
import { TaskList } from './task-list';

/** The caller's open tasks by day in their own time zone: overdue, today, the next seven days. */
export function MyDayPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const tz = userTimeZone();
  const day = useQuery({
    queryKey: taskKeys.myDay(tz),
    queryFn: ({ signal }) => call(endpoints.tasks.myDay, { query: { tz, days: 7 }, signal }),
  });

  const groups = [
    { key: 'overdue', title: t('tasks.overdue'), items: day.data?.overdue ?? [], color: '#cf1322' },
    { key: 'today', title: t('tasks.today'), items: day.data?.today ?? [], color: undefined },
    { key: 'upcoming', title: t('tasks.upcoming'), items: day.data?.upcoming ?? [], color: undefined },
  ];

  return (
    <div data-testid="my-day">
      <PageTitle
        title={t('tasks.myDay')}
        extra={
          can('tasks', 'create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-task">
              {t('tasks.newTask')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('tasks.myDayIntro', { tz })}</Typography.Paragraph>
      {day.isPending ? (
        <Spin />
      ) : (
        <Row gutter={[16, 16]}>
          {groups.map((group) => (
            <Col key={group.key} xs={24} lg={8}>
              <Card
                title={
                  <span style={{ color: group.color }}>
                    {group.title} ({group.items.length})
                  </span>
                }
                data-testid={`my-day-${group.key}`}
              >
                <TaskList tasks={group.items} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {creating && <TaskFormModal onClose={() => setCreating(false)} />}
    </div>
  );
}
