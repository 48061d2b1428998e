import {
  type Customer,
  type MergeableCustomerField,
  type MergeFieldChoices,
  type MergePreview,
  type MergeSide,
  mergeFieldValue,
} from '@berth/domain';
import { Flex, Radio, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
import { useFormatMoney } from '../../../app/use-format-money';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useCustomerLabels } from '../use-customer-labels';

interface MergeFieldChoicesProps {
  preview: MergePreview;
  choices: MergeFieldChoices;
  onChange: (choices: MergeFieldChoices) => void;
}

/** One field's value on a record, as the customer page shows it. */
function useMergeValue() {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const users = useUserLookup().byId;
  const formatMoney = useFormatMoney();
  return (customer: Customer, field: MergeableCustomerField): string => {
    const raw = mergeFieldValue(customer, field);
    if (field === 'billing') {
      const billing = customer.billing;
      if (billing === null) return t('customers.merge.hiddenValue');
      const parts = [
        billing.invoiceTitle,
        billing.taxNumber,
        billing.settlementType ? labels.settlement(billing.settlementType) : null,
        billing.paymentTermsDays != null ? t('customers.merge.termsDays', { days: billing.paymentTermsDays }) : null,
        billing.creditLimit ? formatMoney(billing.creditLimit) : null,
      ].filter((part): part is string => Boolean(part));
      return parts.length > 0 ? parts.join(' · ') : t('common.none');
    }
    if (raw === null || raw === undefined || raw === '') return t('common.none');
    switch (field) {
      case 'status':
        return labels.status(String(raw));
      case 'relationshipType':
        return labels.relationshipType(String(raw));
      case 'country':
        return names.country(String(raw));
      case 'owner':
        return users.get(String(raw))?.name ?? t('customers.merge.someone');
      case 'annualRevenue':
        return formatMoney(customer.annualRevenue);
      default:
        return String(raw);
    }
  };
}

/**
 * The two records side by side, one row per field with a choice of whose value the kept customer keeps. Rows where
 * both hold the same value need no choice; a field the user may not take from the other record (billing without
 * the billing right) shows why instead of a choice.
 */
export function MergeFieldChoicesTable({ preview, choices, onChange }: MergeFieldChoicesProps) {
  const { t } = useTranslation();
  const shownValue = useMergeValue();
  const label = (field: MergeableCustomerField) =>
    field === 'billing' ? t('customers.sections.billing') : t(`customers.fields.${field}`);
  const rows = preview.fields.map((f) => {
    const target = shownValue(preview.target, f.field);
    const source = shownValue(preview.source, f.field);
    return { ...f, target, source, same: target === source };
  });

  const cell = (row: (typeof rows)[number], side: MergeSide) => {
    const value = side === 'target' ? row.target : row.source;
    if (row.same || (side === 'source' && !row.choosable)) {
      return <Typography.Text type={row.same ? 'secondary' : undefined}>{value}</Typography.Text>;
    }
    return (
      <Radio value={side} data-testid={`merge-choice-${row.field}-${side}`}>
        {value}
      </Radio>
    );
  };

  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      data-testid="merge-fields"
      dataSource={rows}
      columns={[
        { key: 'field', title: t('customers.merge.field'), width: 140, render: (_, row) => label(row.field) },
        {
          key: 'sides',
          title: (
            <Flex>
              <span style={{ flex: 1 }}>{t('customers.merge.keptColumn', { code: preview.target.code })}</span>
              <span style={{ flex: 1 }}>{t('customers.merge.sourceColumn', { code: preview.source.code })}</span>
            </Flex>
          ),
          render: (_, row) => (
            <Radio.Group
              value={choices[row.field] ?? row.suggested}
              onChange={(event) => onChange({ ...choices, [row.field]: event.target.value as MergeSide })}
              style={{ width: '100%' }}
              disabled={row.same}
            >
              <Flex gap={8} data-testid={`merge-field-${row.field}`}>
                <span style={{ flex: 1, minWidth: 0 }}>{cell(row, 'target')}</span>
                <span style={{ flex: 1, minWidth: 0 }}>
                  {cell(row, 'source')}
                  {!row.choosable && !row.same && (
                    <Tag style={{ marginInlineStart: 8 }} data-testid={`merge-locked-${row.field}`}>
                      {t('customers.merge.notChoosable')}
                    </Tag>
                  )}
                </span>
              </Flex>
            </Radio.Group>
          ),
        },
      ]}
    />
  );
}

/** What moves to the kept customer, per kind: "联系人 2 · 商机 1 · 备注 3". */
export function MergeMoves({ moves }: { moves: MergePreview['moves'] }) {
  const { t } = useTranslation();
  const kinds = t('customers.merge.moves', { returnObjects: true }) as unknown as Record<string, string>;
  return (
    <Flex wrap gap={8} data-testid="merge-moves">
      {moves.map((move) => (
        <Tag key={move.kind} color={move.count > 0 ? 'blue' : undefined} data-testid={`merge-move-${move.kind}`}>
          {Object.hasOwn(kinds, move.kind) ? kinds[move.kind] : move.kind} {move.count}
        </Tag>
      ))}
    </Flex>
  );
}
