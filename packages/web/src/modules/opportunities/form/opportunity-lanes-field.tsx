import { ArrowRightOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PortSelect } from '../../../components/port-select';
import { TransportModeSelect } from '../../../components/transport-mode-select';

/** The opportunity's lanes: POL → POD from the port list with the mode. */
export function OpportunityLanesField() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Form.Item label={t('opportunities.fields.lanes')}>
      <Form.List name="lanes">
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.length === 0 && <Typography.Text type="secondary">{t('opportunities.noLanes')}</Typography.Text>}
            {items.map((item) => (
              <Flex key={item.key} gap={8} align="start" wrap data-testid="opportunity-lane-row">
                <Form.Item name={[item.name, 'pol']} rules={required} style={{ marginBottom: 0 }}>
                  <PortSelect
                    placeholder={t('opportunities.fields.pol')}
                    aria-label={t('opportunities.fields.pol')}
                    style={{ width: 220 }}
                    data-testid="lane-pol"
                  />
                </Form.Item>
                <ArrowRightOutlined style={{ marginTop: 9 }} aria-hidden />
                <Form.Item name={[item.name, 'pod']} rules={required} style={{ marginBottom: 0 }}>
                  <PortSelect
                    placeholder={t('opportunities.fields.pod')}
                    aria-label={t('opportunities.fields.pod')}
                    style={{ width: 220 }}
                    data-testid="lane-pod"
                  />
                </Form.Item>
                <Form.Item name={[item.name, 'mode']} rules={required} style={{ marginBottom: 0 }}>
                  <TransportModeSelect aria-label={t('opportunities.fields.mode')} style={{ width: 110 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('opportunities.removeLane')}
                  title={t('opportunities.removeLane')}
                  onClick={() => remove(item.name)}
                />
              </Flex>
            ))}
            <div>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ mode: 'fcl' })}
                data-testid="add-opportunity-lane"
              >
                {t('opportunities.addLane')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
