import { endpoints, type Permissions, scopeOf } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useMe } from '../../../app/session';
import { MoneyInput } from '../../../components/money-input';
import { UserPicker } from '../../../components/user-picker';
import { customerKeys } from '../../customers';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { useStages } from '../use-pipeline-settings';
import { CustomerPicker } from './customer-picker';
import { OpportunityLanesField } from './opportunity-lanes-field';

function ContactSelect({ customerId, ...props }: { customerId?: string; value?: string; onChange?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const query = useQuery({
    queryKey: [...customerKeys.contacts, 'of-customer', customerId],
    queryFn: ({ signal }) =>
      call(endpoints.customers.contacts, { params: { id: customerId ?? '' }, query: { limit: 200 }, signal }),
    enabled: Boolean(customerId) && can('contacts', 'read'),
  });
  return (
    <Select
      allowClear
      aria-label={t('opportunities.fields.contact')}
      options={(query.data?.items ?? []).map((c) => ({
        value: c.id,
        label: c.title ? `${c.name} · ${c.title}` : c.name,
      }))}
      {...props}
    />
  );
}

interface OpportunityFormFieldsProps {
  mode: 'create' | 'edit';
  /** The customer's name when it is fixed (created from the customer page, or edited). */
  customerName?: string;
  customerFixed?: boolean;
}

/** The fields of the create and edit dialogs; revenue and margin only for roles holding their rights. */
export function OpportunityFormFields({ mode, customerName, customerFixed }: OpportunityFormFieldsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const labels = useOpportunityLabels();
  const { stages } = useStages();
  const customerId = Form.useWatch('customerId');
  const required = [{ required: true, message: t('validation.required') }];
  const action = mode === 'create' ? 'create' : 'update';
  const scope = me ? scopeOf(me.permissions as Permissions, 'opportunities', action) : null;

  return (
    <>
      <Form.Item name="customerId" label={t('opportunities.fields.customer')} rules={required} hidden={mode === 'edit'}>
        <CustomerPicker initialLabel={customerName} disabled={customerFixed} />
      </Form.Item>
      <Form.Item name="title" label={t('opportunities.fields.title')} rules={required}>
        <Input maxLength={200} data-testid="opportunity-title" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label={t('opportunities.fields.source')} rules={required}>
            <Select options={labels.sourceOptions} data-testid="opportunity-source" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {mode === 'create' ? (
            <Form.Item name="stage" label={t('opportunities.fields.stage')}>
              <Select
                allowClear
                options={stages.filter((s) => s.kind === 'open').map((s) => ({ value: s.key, label: s.name }))}
                data-testid="opportunity-stage"
              />
            </Form.Item>
          ) : (
            <Form.Item name="contactId" label={t('opportunities.fields.contact')}>
              <ContactSelect customerId={customerId} />
            </Form.Item>
          )}
        </Col>
      </Row>
      {mode === 'create' && (
        <Form.Item name="contactId" label={t('opportunities.fields.contact')}>
          <ContactSelect customerId={customerId} />
        </Form.Item>
      )}
      <OpportunityLanesField />
      <Form.Item label={t('opportunities.fields.volume')}>
        <Row gutter={8}>
          {(['teu', 'cbm', 'kg', 'shipmentsPerMonth'] as const).map((unit) => (
            <Col key={unit} xs={12} md={6}>
              <Form.Item name={['volume', unit]} noStyle>
                <InputNumber<number>
                  min={0}
                  placeholder={t(`opportunities.fields.${unit}`)}
                  aria-label={t(`opportunities.fields.${unit}`)}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form.Item>
      <Row gutter={16}>
        {can('revenue', 'read') ? (
          <Col xs={24} md={12}>
            <MoneyInput
              name={['expectedRevenue']}
              label={t('opportunities.fields.expectedRevenue')}
              testId="opportunity-revenue"
            />
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Typography.Paragraph type="secondary">{t('opportunities.revenueHidden')}</Typography.Paragraph>
          </Col>
        )}
        {can('costMargin', 'read') ? (
          <Col xs={24} md={12}>
            <MoneyInput
              name={['expectedMargin']}
              label={t('opportunities.fields.expectedMargin')}
              negative
              testId="opportunity-margin"
            />
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Typography.Paragraph type="secondary">{t('opportunities.marginHidden')}</Typography.Paragraph>
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="probability"
            label={t('opportunities.fields.probability')}
            extra={mode === 'create' ? t('opportunities.probabilityHint') : undefined}
          >
            <InputNumber<number> min={0} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="expectedCloseDate" label={t('opportunities.fields.expectedCloseDate')}>
            <DatePicker style={{ width: '100%' }} data-testid="opportunity-close-date" />
          </Form.Item>
        </Col>
        {scope && scope !== 'own' && (
          <Col xs={24} md={8}>
            <Form.Item name="ownerId" label={t('opportunities.fields.owner')}>
              <UserPicker activeOnly data-testid="opportunity-owner" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="description" label={t('opportunities.fields.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </>
  );
}
