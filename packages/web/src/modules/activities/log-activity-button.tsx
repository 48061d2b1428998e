import { PhoneOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/permissions';
import { LogActivityModal } from './log-activity-modal';

interface LogActivityButtonProps {
  customerId: string;
  opportunityId?: string;
  type?: ButtonProps['type'];
}

/** "Log activity" with its dialog, for the customer and opportunity pages; hidden without activities.create. */
export function LogActivityButton({ customerId, opportunityId, type }: LogActivityButtonProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('activities', 'create')) return null;
  return (
    <>
      <Button type={type} icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="log-activity">
        {t('activities.log')}
      </Button>
      {open && (
        <LogActivityModal customerId={customerId} opportunityId={opportunityId} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
