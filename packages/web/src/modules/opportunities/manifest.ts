import { FunnelPlotOutlined, LineChartOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyPage, lazyPanel, type WebModule } from '../../app/web-module';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const opportunitiesModule: WebModule<typeof zhCN> = {
  name: 'opportunities',
  routes: [
    {
      path: '/opportunities',
      page: lazyPage(() => import('./board/pipeline-board-page'), 'PipelineBoardPage'),
      access: { resource: 'opportunities' },
    },
    {
      path: '/opportunities/list',
      page: lazyPage(() => import('./list/opportunities-list-page'), 'OpportunitiesListPage'),
      access: { resource: 'opportunities' },
    },
    {
      path: '/opportunities/forecast',
      page: lazyPage(() => import('./forecast/forecast-page'), 'ForecastPage'),
      access: { resource: 'opportunities' },
    },
    {
      path: '/opportunities/settings',
      page: lazyPage(() => import('./settings/pipeline-settings-page'), 'PipelineSettingsPage'),
      access: { resource: 'opportunities', action: 'configure' },
    },
    {
      path: '/opportunities/:id',
      page: lazyPage(() => import('./detail/opportunity-page'), 'OpportunityPage'),
      access: { resource: 'opportunities' },
    },
  ],
  nav: [
    {
      key: 'opportunities',
      path: '/opportunities',
      group: 'sales',
      order: 10,
      icon: FunnelPlotOutlined,
      labelKey: 'nav.opportunities',
    },
    {
      key: 'opportunity-list',
      path: '/opportunities/list',
      group: 'sales',
      order: 20,
      icon: UnorderedListOutlined,
      labelKey: 'nav.opportunityList',
    },
    {
      key: 'forecast',
      path: '/opportunities/forecast',
      group: 'sales',
      order: 30,
      icon: LineChartOutlined,
      labelKey: 'nav.forecast',
    },
    {
      key: 'pipeline-settings',
      path: '/opportunities/settings',
      group: 'sales',
      order: 40,
      icon: SettingOutlined,
      labelKey: 'nav.pipelineSettings',
    },
  ],
  homeCards: [
    {
      key: 'inquiries',
      order: 30,
      access: { resource: 'inquiries' },
      width: 8,
      card: lazyPanel(() => import('./home/home-inquiries-card'), 'HomeInquiriesCard'),
    },
    {
      key: 'pipeline',
      order: 40,
      access: { resource: 'opportunities' },
      width: 16,
      card: lazyPanel(() => import('./home/home-pipeline-card'), 'HomePipelineCard'),
    },
    {
      key: 'won',
      order: 50,
      access: { resource: 'opportunities' },
      width: 8,
      card: lazyPanel(() => import('./home/home-won-card'), 'HomeWonCard'),
    },
    {
      key: 'team',
      order: 60,
      access: { resource: 'opportunities' },
      managers: true,
      width: 16,
      card: lazyPanel(() => import('./home/home-team-card'), 'HomeTeamCard'),
    },
  ],
  locales: { 'zh-CN': zhCN, en },
};
