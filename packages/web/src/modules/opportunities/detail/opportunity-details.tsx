import type { Opportunity } from '@berth/domain';
import { Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useTeamLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useTransportModes } from '../../../app/use-transport-modes';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { useLostReasons } from '../use-pipeline-settings';

export function OpportunityDetails({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const modes = useTransportModes();
  const names = useReferenceNames();
  const teams = useTeamLookup().byId;
  const reasons = useLostReasons(true).byId;
  const volume = (['teu', 'cbm', 'kg', 'shipmentsPerMonth'] as const)
    .filter((unit) => o.volume[unit] !== null)
    .map((unit) => `${o.volume[unit]} ${t(`opportunities.fields.${unit}`)}`)
    .join(' · ');
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('opportunities.fields.code'), children: o.code },
    {
      key: 'customer',
      label: t('opportunities.fields.customer'),
      children: <Link to={`/customers/${encodeURIComponent(o.customerId)}`}>{o.customerName}</Link>,
    },
    { key: 'source', label: t('opportunities.fields.source'), children: labels.source(o.source) },
    { key: 'owner', label: t('opportunities.fields.owner'), children: o.ownerName ?? t('common.none') },
    {
      key: 'team',
      label: t('opportunities.fields.team'),
      children: (o.teamId && teams.get(o.teamId)?.name) || t('common.none'),
    },
    { key: 'probability', label: t('opportunities.fields.probability'), children: `${o.probability}%` },
    {
      key: 'lanes',
      label: t('opportunities.fields.lanes'),
      span: 2,
      children:
        o.lanes.length === 0
          ? t('common.none')
          : o.lanes
              .map((l) => `${names.portWithCode(l.pol)} → ${names.portWithCode(l.pod)} · ${modes.label(l.mode)}`)
              .join('；'),
    },
    { key: 'volume', label: t('opportunities.fields.volume'), children: volume || t('common.none') },
    {
      key: 'revenue',
      label: t('opportunities.fields.expectedRevenue'),
      children: labels.money(o.expectedRevenue),
    },
    {
      key: 'margin',
      label: t('opportunities.fields.expectedMargin'),
      children: labels.money(o.expectedMargin),
    },
    {
      key: 'close',
      label: t('opportunities.fields.expectedCloseDate'),
      children: o.expectedCloseDate ?? t('common.none'),
    },
    { key: 'entered', label: t('opportunities.fields.stageEnteredAt'), children: formatDateTime(o.stageEnteredAt) },
    { key: 'activity', label: t('opportunities.fields.lastActivityAt'), children: formatDateTime(o.lastActivityAt) },
    { key: 'created', label: t('opportunities.fields.createdAt'), children: formatDateTime(o.createdAt) },
  ];
  if (o.status !== 'open') {
    items.push({ key: 'closed', label: t('opportunities.fields.closedAt'), children: formatDateTime(o.closedAt) });
  }
  if (o.status === 'lost') {
    items.push(
      {
        key: 'reason',
        label: t('opportunities.fields.lostReason'),
        children: (o.lostReasonId && reasons.get(o.lostReasonId)?.name) || t('common.none'),
      },
      { key: 'note', label: t('opportunities.fields.lostNote'), children: o.lostNote ?? t('common.none') },
    );
  }
  items.push({
    key: 'description',
    label: t('opportunities.fields.description'),
    span: 2,
    children: <span style={{ whiteSpace: 'pre-wrap' }}>{o.description ?? t('common.none')}</span>,
  });
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} data-testid="opportunity-details" />
  );
}
