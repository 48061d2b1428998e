import {
  AppstoreOutlined,
  BarChartOutlined,
  PlusOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../app/permissions';
import { CreateOpportunityModal } from './form/create-opportunity-modal';
import { LogInquiryButton } from './quick-inquiry-modal';

/** The actions every pipeline page offers: board / list, forecast, settings and a new opportunity. */
export function PipelineActions({ view }: { view: 'board' | 'list' | 'forecast' }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      {view !== 'forecast' && (
        <Segmented
          value={view}
          onChange={(next) => navigate(next === 'board' ? '/opportunities' : '/opportunities/list')}
          options={[
            { value: 'board', label: t('opportunities.viewBoard'), icon: <AppstoreOutlined /> },
            { value: 'list', label: t('opportunities.viewList'), icon: <UnorderedListOutlined /> },
          ]}
          data-testid="pipeline-view"
        />
      )}
      {view !== 'forecast' && (
        <Button
          icon={<BarChartOutlined />}
          onClick={() => navigate('/opportunities/forecast')}
          data-testid="open-forecast"
        >
          {t('opportunities.forecast')}
        </Button>
      )}
      {can('opportunities', 'configure') && (
        <Button
          icon={<SettingOutlined />}
          onClick={() => navigate('/opportunities/settings')}
          data-testid="open-pipeline-settings"
        >
          {t('opportunities.settings')}
        </Button>
      )}
      {view !== 'forecast' && <LogInquiryButton />}
      {can('opportunities', 'create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-opportunity"
        >
          {t('opportunities.create')}
        </Button>
      )}
      {creating && <CreateOpportunityModal onClose={() => setCreating(false)} />}
    </>
  );
}
