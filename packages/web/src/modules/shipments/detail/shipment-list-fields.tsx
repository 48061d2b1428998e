import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { containerTypeName, containerTypes, partyRoles } from '@berth/domain';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';
import { CustomerPicker } from '../../opportunities';
import { useShipmentLabels } from '../use-shipment-labels';

/** One row per container: number (checked against its ISO 6346 check digit on save), type and seal. */
export function ContainerFields() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeOptions = containerTypes.map((type) => ({
    value: type.code,
    label: `${type.code} · ${containerTypeName(type, locale)}`,
  }));
  return (
    <Form.List name="containers">
      {(rows, { add, remove }) => (
        <div data-testid="shipment-containers-edit">
          {rows.map(({ key, name }) => (
            <Row gutter={8} key={key} align="top">
              <Col xs={24} sm={9}>
                <Form.Item
                  name={[name, 'number']}
                  label={name === 0 ? t('shipments.fields.containerNumber') : undefined}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input maxLength={20} placeholder="CSQU3054383" data-testid={`container-number-${name}`} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={7}>
                <Form.Item
                  name={[name, 'type']}
                  label={name === 0 ? t('shipments.fields.containerType') : undefined}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Select showSearch options={typeOptions} data-testid={`container-type-${name}`} />
                </Form.Item>
              </Col>
              <Col xs={10} sm={6}>
                <Form.Item name={[name, 'seal']} label={name === 0 ? t('shipments.fields.seal') : undefined}>
                  <Input maxLength={40} data-testid={`container-seal-${name}`} />
                </Form.Item>
              </Col>
              <RemoveRowCell first={name === 0} label={t('shipments.removeContainer')} onRemove={() => remove(name)} />
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ number: '', type: '20GP', seal: '' })}
            data-testid="add-container"
          >
            {t('shipments.addContainer')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/**
 * One row per party role: linked to a customer (searched among those the user may see), or kept by its name as
 * written, which then waits in the review queue of unmatched parties.
 */
export function PartyFields({ customerNames }: { customerNames: Record<string, string> }) {
  const { t } = useTranslation();
  const labels = useShipmentLabels();
  return (
    <Form.List name="parties">
      {(rows, { add, remove }) => (
        <div data-testid="shipment-parties-edit">
          {rows.map(({ key, name }) => (
            <Row gutter={8} key={key} align="top">
              <Col xs={24} sm={6}>
                <Form.Item
                  name={[name, 'role']}
                  label={name === 0 ? t('shipments.fields.role') : undefined}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Select
                    options={partyRoles.map((role) => ({ value: role, label: labels.role(role) }))}
                    data-testid={`party-role-${name}`}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={9}>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => {
                    const id = getFieldValue(['parties', name, 'customerId']) as string | undefined;
                    return (
                      <Form.Item
                        name={[name, 'customerId']}
                        label={name === 0 ? t('shipments.partyCustomer') : undefined}
                      >
                        <CustomerPicker
                          allowClear
                          initialLabel={id ? customerNames[id] : undefined}
                          placeholder={t('shipments.partyCustomerPlaceholder')}
                          data-testid={`party-customer-${name}`}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </Col>
              <Col xs={22} sm={7}>
                <Form.Item name={[name, 'name']} label={name === 0 ? t('shipments.partyWrittenName') : undefined}>
                  <Input maxLength={200} data-testid={`party-name-${name}`} />
                </Form.Item>
              </Col>
              <RemoveRowCell first={name === 0} label={t('shipments.removeParty')} onRemove={() => remove(name)} />
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-party">
            {t('shipments.addParty')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** The last cell of a list row: removes the row (aligned with the inputs under the first row's labels). */
function RemoveRowCell({ first, label, onRemove }: { first: boolean; label: string; onRemove: () => void }) {
  return (
    <Col xs={2} sm={2}>
      <Form.Item label={first ? ' ' : undefined}>
        <Button type="text" icon={<DeleteOutlined />} aria-label={label} onClick={onRemove} />
      </Form.Item>
    </Col>
  );
}
