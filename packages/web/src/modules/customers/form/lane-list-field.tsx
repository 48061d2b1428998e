import { ArrowRightOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { laneSchema } from '@berth/domain';
import { Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useZodForm } from '../../../app/zod-form';
import { PortSelect } from '../../../components/port-select';
import { TransportModeSelect } from '../../../components/transport-mode-select';
import { useCustomerLabels } from '../use-customer-labels';

const lane = laneSchema.shape;
const listName = ['tradeProfile', 'lanes'];

/** The lanes the customer ships on: POL → POD from the port list, mode and volume. */
export function LaneListField() {
  const { t } = useTranslation();
  const { rule } = useZodForm();
  const labels = useCustomerLabels();

  return (
    <Form.Item label={t('customers.fields.lanes')}>
      <Form.List name={listName}>
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.length === 0 && <Typography.Text type="secondary">{t('customers.noLanes')}</Typography.Text>}
            {items.map((item) => (
              <Flex key={item.key} gap={8} align="start" wrap data-testid="lane-row">
                <Form.Item name={[item.name, 'pol']} rules={[rule(lane.pol)]} style={{ marginBottom: 0 }}>
                  <PortSelect placeholder={t('customers.fields.pol')} style={{ width: 220 }} />
                </Form.Item>
                <ArrowRightOutlined style={{ marginTop: 9 }} aria-hidden />
                <Form.Item name={[item.name, 'pod']} rules={[rule(lane.pod)]} style={{ marginBottom: 0 }}>
                  <PortSelect placeholder={t('customers.fields.pod')} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[item.name, 'mode']} rules={[rule(lane.mode)]} style={{ marginBottom: 0 }}>
                  <TransportModeSelect
                    placeholder={t('customers.fields.mode')}
                    aria-label={t('customers.fields.mode')}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'volume']} rules={[rule(lane.volume)]} style={{ marginBottom: 0 }}>
                  <InputNumber<number>
                    min={0}
                    placeholder={t('customers.fields.volume')}
                    aria-label={t('customers.fields.volume')}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'volumeUnit']} style={{ marginBottom: 0 }}>
                  <Select
                    allowClear
                    placeholder={t('customers.fields.volumeUnit')}
                    aria-label={t('customers.fields.volumeUnit')}
                    options={labels.unitOptions}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'volumePeriod']} style={{ marginBottom: 0 }}>
                  <Select
                    allowClear
                    placeholder={t('customers.fields.volumePeriod')}
                    aria-label={t('customers.fields.volumePeriod')}
                    options={labels.volumePeriodOptions}
                    style={{ width: 110 }}
                    data-testid="lane-volume-period"
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('customers.removeLane')}
                  title={t('customers.removeLane')}
                  onClick={() => remove(item.name)}
                  data-testid="remove-lane"
                />
              </Flex>
            ))}
            <div>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ mode: 'fcl', volume: null, volumeUnit: null, volumePeriod: null })}
                data-testid="add-lane"
              >
                {t('customers.addLane')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
