import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';
import { Button, Flex, Form, Input } from 'antd';

interface ContactListFieldProps {
  name: 'phones' | 'emails';
  label: string;
  addLabel: string;
  rule: FormRule;
  inputMode: 'tel' | 'email';
  max: number;
}

/** Several phones or emails, one input each (`#contact_phones_0`, `#contact_phones_1`…). */
export function ContactListField({ name, label, addLabel, rule, inputMode, max }: ContactListFieldProps) {
  return (
    <Form.Item label={label} htmlFor={`contact_${name}_0`}>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <Flex vertical gap={8}>
            {items.map((item, index) => (
              <Flex key={item.key} gap={8} align="start">
                <Form.Item
                  name={item.name}
                  rules={[rule]}
                  validateTrigger="onBlur"
                  style={{ marginBottom: 0, flex: 1 }}
                >
                  <Input inputMode={inputMode} autoComplete="off" aria-label={`${label} ${index + 1}`} />
                </Form.Item>
                {items.length > 1 && (
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={`${label} ${index + 1} ×`}
                    onClick={() => remove(item.name)}
                  />
                )}
              </Flex>
            ))}
            {items.length < max && (
              <div>
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add('')}
                  data-testid={`add-contact-${name}`}
                >
                  {addLabel}
                </Button>
              </div>
            )}
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
