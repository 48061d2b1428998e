import type { CustomerFilters } from '@berth/domain';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useTagLookup } from '../lookups';
import { useCustomerLabels } from '../use-customer-labels';

/** A segment's filters as short "field: value" chips, with names instead of ids and codes. */
export function SegmentFilterSummary({ filters }: { filters: CustomerFilters }) {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const tags = useTagLookup().byId;
  const users = useUserLookup().byId;
  const chips: [string, string][] = [];
  if (filters.q) chips.push([t('common.search'), filters.q]);
  if (filters.status) chips.push([t('customers.filterStatus'), labels.status(filters.status)]);
  if (filters.relationshipType) {
    chips.push([t('customers.filterRelationship'), labels.relationshipType(filters.relationshipType)]);
  }
  if (filters.role) chips.push([t('customers.filterRole'), labels.role(filters.role)]);
  if (filters.country) chips.push([t('customers.filterCountry'), names.country(filters.country)]);
  if (filters.tagId) chips.push([t('customers.filterTag'), tags.get(filters.tagId)?.name ?? filters.tagId]);
  if (filters.ownerId) chips.push([t('customers.filterOwner'), users.get(filters.ownerId)?.name ?? filters.ownerId]);
  if (filters.lane) chips.push([`${t('customers.filterPol')}–${t('customers.filterPod')}`, filters.lane]);
  if (chips.length === 0) return <Typography.Text type="secondary">{t('segments.noFilters')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {chips.map(([label, value]) => (
        <Tag key={label}>
          {label}: {value}
        </Tag>
      ))}
    </Flex>
  );
}
