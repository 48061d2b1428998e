import { endpoints, type Task } from '@berth/domain';
import { Badge, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useHomeCard } from '../../app/use-home-card';
import { HomeCardFrame } from '../../components/home-card-frame';
import { relatedPath } from './task-list';

/** Home: my open tasks overdue and due today, each linking to the record it is about (else to my day). */
export function HomeTasksCard() {
  const { t } = useTranslation();
  const card = useHomeCard(endpoints.home.tasks);
  const data = card.data;
  const group = (key: 'overdue' | 'today', tasks: Task[], count: number) => (
    <div data-testid={`home-tasks-${key}`}>
      <Typography.Text strong type={key === 'overdue' && count > 0 ? 'danger' : undefined}>
        {t(`homeCards.tasks.${key}`)} <Badge count={count} showZero color={key === 'overdue' ? 'red' : 'blue'} />
      </Typography.Text>
      <List
        size="small"
        dataSource={tasks}
        locale={{ emptyText: t(`homeCards.tasks.${key}Empty`) }}
        renderItem={(task) => {
          const path = task.related ? relatedPath(task.related) : null;
          return (
            <List.Item extra={<Typography.Text type="secondary">{formatDateTime(task.dueAt)}</Typography.Text>}>
              <Link to={path ?? '/my-day'}>{task.title}</Link>
              {task.related?.name && <Typography.Text type="secondary"> · {task.related.name}</Typography.Text>}
            </List.Item>
          );
        }}
      />
      {count > tasks.length && <Link to="/my-day">{t('homeCard.moreRows', { count: count - tasks.length })}</Link>}
    </div>
  );
  return (
    <HomeCardFrame
      testId="home-card-tasks"
      title={t('homeCards.tasks.title')}
      viewAll="/my-day"
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.overdue.count + data.today.count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.tasks.empty')} />
        ) : (
          <>
            {group('overdue', data.overdue.items, data.overdue.count)}
            {group('today', data.today.items, data.today.count)}
          </>
        ))}
    </HomeCardFrame>
  );
}
