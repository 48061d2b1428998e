import { endpoints, type MoneyJson, type TeamMemberNumbers } from '@berth/domain';
import { Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { useFormatMoney } from '../../../app/use-format-money';
import { useHomeCard } from '../../../app/use-home-card';
import { HomeCardFrame } from '../../../components/home-card-frame';

/** Home, for managers: the team's open pipeline and deals won by owner, ranked by deals won this month. */
export function HomeTeamCard() {
  const { t, i18n } = useTranslation();
  const formatMoney = useFormatMoney();
  const card = useHomeCard(endpoints.home.team);
  const data = card.data;
  const amounts = (list: MoneyJson[]) =>
    list.length === 0 ? (
      t('common.none')
    ) : (
      <Flex vertical>
        {list.map((a) => (
          <span key={a.currency}>{formatMoney(a)}</span>
        ))}
      </Flex>
    );
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <HomeCardFrame
      testId="home-card-team"
      title={t('homeCards.team.title')}
      scope={data?.scope}
      viewAll="/opportunities/forecast"
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.members.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.team.empty')} />
        ) : (
          <Table<TeamMemberNumbers & { rank: number }>
            size="small"
            pagination={false}
            rowKey="userId"
            data-testid="home-team-table"
            scroll={{ y: 320 }}
            dataSource={data.members.map((m, i) => ({ ...m, rank: i + 1 }))}
            columns={[
              { key: 'rank', title: '#', dataIndex: 'rank', width: 48 },
              {
                key: 'name',
                title: t('homeCards.team.owner'),
                render: (_, m) => <Typography.Text strong={m.rank <= 3}>{m.name}</Typography.Text>,
              },
              {
                key: 'won',
                title: t('homeCards.team.wonThisMonth', { month: data.month }),
                align: 'right',
                render: (_, m) => number(m.wonCount),
              },
              ...(data.revenueVisible
                ? [
                    {
                      key: 'wonAmount',
                      title: t('homeCards.team.wonRevenue'),
                      align: 'right' as const,
                      render: (_: unknown, m: TeamMemberNumbers) => amounts(m.won),
                    },
                  ]
                : []),
              {
                key: 'last',
                title: t('homeCards.team.wonLastMonth'),
                align: 'right',
                render: (_, m) => number(m.wonLastMonthCount),
              },
              { key: 'open', title: t('homeCards.team.open'), align: 'right', render: (_, m) => number(m.openCount) },
              ...(data.revenueVisible
                ? [
                    {
                      key: 'weighted',
                      title: t('homeCards.team.weighted'),
                      align: 'right' as const,
                      render: (_: unknown, m: TeamMemberNumbers) => amounts(m.weighted),
                    },
                  ]
                : []),
            ]}
          />
        ))}
    </HomeCardFrame>
  );
}
