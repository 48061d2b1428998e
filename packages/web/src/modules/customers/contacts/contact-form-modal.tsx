import {
  type Contact,
  type CreateContactInput,
  contactFieldsSchema,
  createContactInputSchema,
  endpoints,
  phoneSchema,
  type UpdateContactInput,
  updateContactInputSchema,
} from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useResetOnVersion } from '../../../app/use-reset-on-version';
import { useZodForm } from '../../../app/zod-form';
import { changedInput } from '../form/customer-form-values';
import { customerKeys } from '../query-keys';
import { useCustomerLabels } from '../use-customer-labels';
import {
  birthdayFormat,
  type ContactFormValues,
  contactToValues,
  contactValuesToInput,
  emptyContactValues,
  filled,
} from './contact-form-values';
import { ContactListField } from './contact-list-field';

const fields = contactFieldsSchema.shape;
const emailItemSchema = fields.emails.unwrap().element;
const maxItems = 10;

interface ContactFormModalProps {
  customerId: string;
  /** The contact to edit; absent for a new one. */
  contact?: Contact;
  onClose: () => void;
}

/** Adds or edits a contact (Form name `contact`); an edit sends only changed fields, with If-Match. */
export function ContactFormModal({ customerId, contact, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContactFormValues>();
  const { rule, parse } = useZodForm();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const labels = useCustomerLabels();
  const masked = contact?.masked === true;
  const initialValues = useMemo(() => (contact ? contactToValues(contact) : emptyContactValues), [contact]);

  useResetOnVersion(form, contact);

  const save = useMutation({
    mutationFn: (input: CreateContactInput | UpdateContactInput) =>
      contact
        ? call(endpoints.contacts.update, { params: { id: contact.id }, body: input, version: contact.version })
        : call(endpoints.contacts.create, { body: input as CreateContactInput }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.contacts });
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(contact ? t('common.saved') : t('common.created'));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });

  const onFinish = (values: ContactFormValues) => {
    // Empty inputs are dropped, so that error paths such as phones.1 point at the inputs shown.
    if (!masked) form.setFieldsValue({ phones: filled(values.phones), emails: filled(values.emails) });
    const next = contactValuesToInput(values, { masked });
    if (!contact) {
      const input = parse(createContactInputSchema, { customerId, ...next }, form);
      if (input) save.mutate(input);
      return;
    }
    const changes = changedInput(contactValuesToInput(initialValues, { masked }), next);
    if (Object.keys(changes).length === 0) return onClose();
    const input = parse(updateContactInputSchema, changes, form);
    if (input) save.mutate(input);
  };

  return (
    <Modal
      open
      width={640}
      title={contact ? t('contacts.editTitle') : t('contacts.createTitle')}
      okText={contact ? t('common.save') : t('common.create')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form form={form} name="contact" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('contacts.name')} required rules={[rule(fields.name)]}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('contacts.jobTitle')} rules={[rule(fields.title)]}>
              <Input autoComplete="off" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        {masked ? (
          <Alert type="info" showIcon title={t('contacts.maskedEditHint')} style={{ marginBottom: 16 }} />
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <ContactListField
                name="phones"
                label={t('contacts.phones')}
                addLabel={t('contacts.addPhone')}
                rule={rule(phoneSchema.optional())}
                inputMode="tel"
                max={maxItems}
              />
            </Col>
            <Col xs={24} md={12}>
              <ContactListField
                name="emails"
                label={t('contacts.emails')}
                addLabel={t('contacts.addEmail')}
                rule={rule(emailItemSchema.optional())}
                inputMode="email"
                max={maxItems}
              />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="wechat" label={t('contacts.wechat')} rules={[rule(fields.wechat)]}>
                <Input autoComplete="off" maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="birthday" label={t('contacts.birthday')}>
                <DatePicker format={birthdayFormat} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="preferredChannel" label={t('contacts.preferredChannel')}>
              <Select allowClear options={labels.channelOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isPrimary" valuePropName="checked" label=" " colon={false}>
              <Checkbox>{t('contacts.isPrimary')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="marketingConsent" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('contacts.marketingConsent')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
