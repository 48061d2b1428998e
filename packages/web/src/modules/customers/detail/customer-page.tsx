import { EditOutlined, MergeCellsOutlined } from '@ant-design/icons';
import type { Customer } from '@berth/domain';
import { Button, Card, Spin, Tabs, type TabsProps, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { customerTabs } from '../../../app/navigation';
import { useCan } from '../../../app/permissions';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { ActivityList, LogActivityButton } from '../../activities';
import { CustomerOpportunities, LogInquiryButton } from '../../opportunities';
import { CustomerOwnershipCard } from '../../pool';
import { CustomerContacts } from '../contacts/customer-contacts';
import { CustomerNotFound } from '../customer-not-found';
import { useCustomer } from '../use-customer';
import { CustomerAttachments } from './customer-attachments';
import { CustomerBilling } from './customer-billing';
import { CustomerHeader } from './customer-header';
import { CustomerLanes } from './customer-lanes';
import { CustomerNotes } from './customer-notes';
import { CustomerProfile } from './customer-profile';
import { CustomerSummary } from './customer-summary';
import { CustomerTimeline } from './customer-timeline';
import { MergeCustomerModal } from './merge-customer-modal';

/** The customer 360 page: header with status, owner and tags; profile, contacts, lanes, billing and timeline. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { data: customer, isPending, error } = useCustomer(id);
  if (isPending) return <FullPageSpin />;
  if (!customer) return <CustomerNotFound error={error} />;
  // One page per customer: its state (and its scroll to the top) starts afresh when another customer opens.
  return <Customer360 key={customer.id} customer={customer} />;
}

function hasBilling(customer: Customer): customer is Customer & { billing: NonNullable<Customer['billing']> } {
  return customer.billing !== null;
}

function Customer360({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  // ?merge=1 (from the data quality page's duplicate groups) opens the merge dialog straight away.
  const [merging, setMerging] = useState(() => searchParams.get('merge') === '1' && can('customers', 'merge'));
  // A customer opens at its top, whatever the page before was scrolled to (the long form of a new customer).
  useEffect(() => {
    window.scrollTo({ top: 0, left: 0 });
  }, []);

  const tabs: NonNullable<TabsProps['items']> = [
    { key: 'profile', label: t('customers.tabs.profile'), children: <CustomerProfile customer={customer} /> },
  ];
  if (can('contacts', 'read')) {
    tabs.push({
      key: 'contacts',
      label: t('customers.tabs.contacts'),
      children: <CustomerContacts customerId={customer.id} />,
    });
  }
  tabs.push({ key: 'lanes', label: t('customers.tabs.lanes'), children: <CustomerLanes customer={customer} /> });
  if (hasBilling(customer)) {
    tabs.push({
      key: 'billing',
      label: t('customers.tabs.billing'),
      children: <CustomerBilling customer={customer} />,
    });
  }
  if (can('activities', 'read')) {
    tabs.push({
      key: 'activities',
      label: t('activities.tab'),
      children: <ActivityList customerId={customer.id} />,
    });
  }
  if (can('opportunities', 'read')) {
    tabs.push({
      key: 'opportunities',
      label: t('opportunities.customerTab'),
      children: <CustomerOpportunities customer={customer} />,
    });
  }
  if (can('notes', 'read')) {
    tabs.push({ key: 'notes', label: t('notes.tab'), children: <CustomerNotes customerId={customer.id} /> });
  }
  if (can('attachments', 'read')) {
    tabs.push({
      key: 'attachments',
      label: t('attachments.tab'),
      children: <CustomerAttachments customerId={customer.id} />,
    });
  }
  // Tabs other modules add (shipments), each for users with its permission.
  for (const { key, labelKey, access, panel: Panel } of customerTabs) {
    if (!can(access.resource, access.action ?? 'read')) continue;
    tabs.push({
      key,
      label: t(labelKey),
      children: (
        <Suspense fallback={<Spin />}>
          <div data-testid={`customer-tab-${key}`}>
            <Panel customer={customer} />
          </div>
        </Suspense>
      ),
    });
  }
  tabs.push({
    key: 'timeline',
    label: t('customers.tabs.timeline'),
    children: <CustomerTimeline customer={customer} />,
  });

  const requested = searchParams.get('tab');
  const active = tabs.some((tab) => tab.key === requested) ? (requested as string) : 'profile';

  return (
    <div data-testid="customer-360">
      <PageTitle
        title={customer.name}
        extra={
          (can('customers', 'merge') ||
            can('customers', 'update') ||
            can('activities', 'create') ||
            can('inquiries', 'create')) && (
            <>
              <LogActivityButton customerId={customer.id} type="primary" />
              <LogInquiryButton customer={customer} />
              {can('customers', 'merge') && (
                <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="merge-customer">
                  {t('customers.merge.action')}
                </Button>
              )}
              {can('customers', 'update') && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => navigate(`/customers/${encodeURIComponent(customer.id)}/edit`)}
                  data-testid="edit-customer"
                >
                  {t('customers.edit')}
                </Button>
              )}
            </>
          )
        }
      />
      {customer.nameEn && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -12 }} data-testid="customer-name-en">
          {customer.nameEn}
        </Typography.Paragraph>
      )}
      <CustomerHeader customer={customer} />
      <CustomerSummary customer={customer} />
      <CustomerOwnershipCard customer={customer} />
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearchParams(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={tabs}
          destroyOnHidden
        />
      </Card>
      {merging && <MergeCustomerModal customer={customer} onClose={() => setMerging(false)} />}
    </div>
  );
}
