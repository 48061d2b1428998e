import { Form, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
import { useMe } from '../../../app/session';

/** The customer's owner: any active user the viewer can see, the viewer first. */
export function OwnerField() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { users } = useUserLookup();
  const form = Form.useFormInstance();
  const current = Form.useWatch<string | null | undefined>('ownerId', form);

  const options = useMemo(() => {
    const others = users
      .filter((user) => user.id !== me?.user.id && (user.status === 'active' || user.id === current))
      .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
    const mine = me ? [{ value: me.user.id, label: t('customers.ownerMe', { name: me.user.name }) }] : [];
    const all = [...mine, ...others];
    // An owner the viewer cannot see stays selected, shown without a name.
    if (current && !all.some((option) => option.value === current))
      all.push({ value: current, label: t('common.none') });
    return all;
  }, [users, me, current, t]);

  return (
    <Form.Item name="ownerId" label={t('customers.fields.owner')} style={{ maxWidth: 480 }}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} />
    </Form.Item>
  );
}
