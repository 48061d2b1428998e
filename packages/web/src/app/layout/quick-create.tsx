import { MessageOutlined, PlusOutlined, ShopOutlined, TrophyOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CreateOpportunityModal, QuickInquiryModal } from '../../modules/opportunities';
import { useCan } from '../permissions';

/** The header's "+": log an inquiry, or create a customer or an opportunity, from any page. */
export function QuickCreate() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'inquiry' | 'opportunity' | null>(null);

  const items: NonNullable<MenuProps['items']> = [];
  if (can('inquiries', 'create')) {
    items.push({
      key: 'inquiry',
      icon: <MessageOutlined />,
      label: <span data-testid="quick-create-inquiry">{t('header.newInquiry')}</span>,
    });
  }
  if (can('customers', 'create')) {
    items.push({
      key: 'customer',
      icon: <ShopOutlined />,
      label: <span data-testid="quick-create-customer">{t('header.newCustomer')}</span>,
    });
  }
  if (can('opportunities', 'create')) {
    items.push({
      key: 'opportunity',
      icon: <TrophyOutlined />,
      label: <span data-testid="quick-create-opportunity">{t('header.newOpportunity')}</span>,
    });
  }
  if (items.length === 0) return null;

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'customer') navigate('/customers/new');
    else setOpen(key as 'inquiry' | 'opportunity');
  };

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
        <Tooltip title={t('header.quickCreate')} placement="bottom">
          <Button
            type="primary"
            shape="circle"
            icon={<PlusOutlined />}
            aria-label={t('header.quickCreate')}
            data-testid="quick-create"
          />
        </Tooltip>
      </Dropdown>
      {open === 'inquiry' && <QuickInquiryModal onClose={() => setOpen(null)} />}
      {open === 'opportunity' && <CreateOpportunityModal onClose={() => setOpen(null)} />}
    </>
  );
}
