import { type Customer, formatPhone } from '@berth/domain';
import { Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTeamLookup } from '../../../app/directory-lookups';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useFormatMoney } from '../../../app/use-format-money';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useCustomerLabels } from '../use-customer-labels';

function TagList({ values }: { values: string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return t('common.none');
  return (
    <Flex gap={4} wrap>
      {values.map((value) => (
        <Tag key={value} style={{ marginInlineEnd: 0 }}>
          {value}
        </Tag>
      ))}
    </Flex>
  );
}

/** Everything about the company except lanes, billing and contacts. */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const formatMoney = useFormatMoney();
  const teams = useTeamLookup().byId;
  const trade = customer.tradeProfile;
  const text = (value: string | null | undefined) => value || t('common.none');

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, lg: 2 }}
      data-testid="customer-profile"
      items={[
        { key: 'name', label: t('customers.fields.name'), children: customer.name },
        { key: 'nameEn', label: t('customers.fields.nameEn'), children: text(customer.nameEn) },
        {
          key: 'creditCode',
          label: t('customers.fields.creditCode'),
          children: <span style={{ fontFamily: 'monospace' }}>{text(customer.creditCode)}</span>,
        },
        {
          key: 'roles',
          label: t('customers.fields.roles'),
          children: <TagList values={customer.roles.map((role) => labels.role(role))} />,
        },
        { key: 'industry', label: t('customers.fields.industry'), children: text(customer.industry) },
        { key: 'country', label: t('customers.fields.country'), children: names.country(customer.country) },
        { key: 'address', label: t('customers.fields.address'), children: text(customer.address) },
        { key: 'website', label: t('customers.fields.website'), children: text(customer.website) },
        {
          key: 'phone',
          label: t('customers.fields.phone'),
          children: customer.phone ? formatPhone(customer.phone, i18n.language === 'en' ? 'en' : 'zh-CN') : text(null),
        },
        { key: 'email', label: t('customers.fields.email'), children: text(customer.email) },
        {
          key: 'employees',
          label: t('customers.fields.employees'),
          children: formatNumber(customer.employees, i18n.language),
        },
        {
          key: 'annualRevenue',
          label: t('customers.fields.annualRevenue'),
          children: formatMoney(customer.annualRevenue),
        },
        {
          key: 'commodities',
          label: t('customers.fields.commodities'),
          children: <TagList values={trade.commodities} />,
        },
        {
          key: 'hsChapters',
          label: t('customers.fields.hsChapters'),
          children: <TagList values={trade.hsChapters.map((code) => labels.hsChapter(code))} />,
        },
        {
          key: 'specialCargo',
          label: t('customers.fields.specialCargo'),
          children: <TagList values={trade.specialCargo.map((kind) => labels.specialCargo(kind))} />,
        },
        {
          key: 'preferredModes',
          label: t('customers.fields.preferredModes'),
          children: <TagList values={trade.preferredModes.map((mode) => labels.mode(mode))} />,
        },
        {
          key: 'importFrequency',
          label: t('customers.fields.importFrequency'),
          children: labels.frequency(trade.importFrequency),
        },
        {
          key: 'exportFrequency',
          label: t('customers.fields.exportFrequency'),
          children: labels.frequency(trade.exportFrequency),
        },
        {
          key: 'specialNeeds',
          label: t('customers.fields.specialNeeds'),
          span: 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{text(trade.specialNeeds)}</span>,
        },
        {
          key: 'team',
          label: t('customers.fields.team'),
          children: (customer.teamId && teams.get(customer.teamId)?.name) || t('common.none'),
        },
        { key: 'createdAt', label: t('customers.fields.createdAt'), children: formatDateTime(customer.createdAt) },
      ]}
    />
  );
}
