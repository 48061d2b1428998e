import { tradeProfileSchema } from '@berth/domain';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../../app/zod-form';
import { TransportModeSelect } from '../../../components/transport-mode-select';
import { useCustomerLabels } from '../use-customer-labels';
import { LaneListField } from './lane-list-field';

const trade = tradeProfileSchema.shape;

/** Lanes, commodities, frequencies and needs: what the customer ships and how. */
export function CustomerTradeFields() {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  const labels = useCustomerLabels();

  return (
    <>
      <LaneListField />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['tradeProfile', 'commodities']}
            label={t('customers.fields.commodities')}
            extra={t('customers.fields.commoditiesHint')}
            rules={[rule(trade.commodities)]}
          >
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['tradeProfile', 'hsChapters']}
            label={t('customers.fields.hsChapters')}
            extra={t('customers.fields.hsChaptersHint')}
          >
            <Select
              mode="multiple"
              allowClear
              showSearch
              optionFilterProp="label"
              options={labels.hsChapterOptions}
              data-testid="hs-chapters"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['tradeProfile', 'specialCargo']} label={t('customers.fields.specialCargo')}>
            <Select mode="multiple" allowClear options={labels.specialCargoOptions} data-testid="special-cargo" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['tradeProfile', 'preferredModes']} label={t('customers.fields.preferredModes')}>
            <TransportModeSelect mode="multiple" allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['tradeProfile', 'importFrequency']} label={t('customers.fields.importFrequency')}>
            <Select allowClear options={labels.frequencyOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['tradeProfile', 'exportFrequency']} label={t('customers.fields.exportFrequency')}>
            <Select allowClear options={labels.frequencyOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['tradeProfile', 'specialNeeds']}
            label={t('customers.fields.specialNeeds')}
            rules={[rule(trade.specialNeeds)]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
