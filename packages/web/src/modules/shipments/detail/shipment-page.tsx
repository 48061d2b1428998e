import { EditOutlined } from '@ant-design/icons';
import type { Shipment } from '@berth/domain';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime, formatNumber } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useTransportModes } from '../../../app/use-transport-modes';
import { FullPageSpin } from '../../../components/full-page-spin';
import { PageTitle } from '../../../components/page-title';
import { formatMoneyJson, grossProfit, shipmentReference } from '../shipment-format';
import { ShipmentExceptionTags, ShipmentStatusTag } from '../shipment-tags';
import { useShipment, useShipmentEvents } from '../use-shipment';
import { useShipmentLabels } from '../use-shipment-labels';
import { EditShipmentModal } from './edit-shipment-modal';
import { ShipmentTimeline } from './shipment-timeline';

export function ShipmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, isPending } = useShipment(id);
  if (isPending) return <FullPageSpin />;
  if (!data) return <Result status="404" title={t('shipments.notFound')} />;
  return <ShipmentView shipment={data} />;
}

const hour = 3_600_000;

/** Planned and actual side by side; the ETA also says how late it is against the first one. */
function ScheduleRow({ shipment: s }: { shipment: Shipment }) {
  const { t } = useTranslation();
  const slip = s.eta && s.promisedEta ? Math.round((Date.parse(s.eta) - Date.parse(s.promisedEta)) / hour) : null;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="shipment-schedule">
      <Descriptions.Item label={`${t('shipments.fields.etd')} (${t('shipments.planned')})`}>
        <span data-testid="shipment-etd">{formatDateTime(s.etd)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={`${t('shipments.fields.atd')} (${t('shipments.actual')})`}>
        <span data-testid="shipment-atd">{formatDateTime(s.atd)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={`${t('shipments.fields.eta')} (${t('shipments.planned')})`}>
        <Space direction="vertical" size={0}>
          <span data-testid="shipment-eta">{formatDateTime(s.eta)}</span>
          {slip !== null && slip > 0 && (
            <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="shipment-eta-slip">
              {t('shipments.late', { hours: slip })} · {t('shipments.firstEta')} {formatDateTime(s.promisedEta)}
            </Typography.Text>
          )}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={`${t('shipments.fields.ata')} (${t('shipments.actual')})`}>
        <span data-testid="shipment-ata">{formatDateTime(s.ata)}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

function ShipmentView({ shipment: s }: { shipment: Shipment }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const modes = useTransportModes();
  const names = useReferenceNames();
  const labels = useShipmentLabels();
  const events = useShipmentEvents(s.id);
  const [editing, setEditing] = useState(false);
  const profit = grossProfit(s);
  const vesselVoyage = [s.vessel, s.voyage].filter(Boolean).join(' / ');

  return (
    <div data-testid="shipment-page">
      <PageTitle
        title={shipmentReference(s)}
        extra={
          can('shipments', 'update') && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-shipment">
              {t('shipments.edit')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <ShipmentStatusTag status={s.status} />
        <Tag>{modes.label(s.mode)}</Tag>
        <Typography.Text strong data-testid="shipment-lane">
          {names.portWithCode(s.pol)} → {names.portWithCode(s.pod)}
        </Typography.Text>
        <ShipmentExceptionTags shipment={s} />
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="shipment-header">
          <Descriptions.Item label={t('shipments.fields.masterBl')}>{s.masterBl ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.fields.houseBl')}>{s.houseBl ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.fields.bookingNumber')}>{s.bookingNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('shipments.fields.customer')}>
            {s.customerId ? (
              <Link to={`/customers/${encodeURIComponent(s.customerId)}`} data-testid="shipment-customer">
                {s.customerName ?? s.customerId}
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('shipments.unmatched')}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.fields.carrier')}>{s.carrier ?? '—'}</Descriptions.Item>
          {s.flightNumber ? (
            <Descriptions.Item label={t('shipments.fields.flightNumber')}>{s.flightNumber}</Descriptions.Item>
          ) : (
            <Descriptions.Item label={t('shipments.fields.vesselVoyage')}>{vesselVoyage || '—'}</Descriptions.Item>
          )}
          <Descriptions.Item label={t('shipments.fields.source')}>
            {s.source} · {s.externalId}
          </Descriptions.Item>
          <Descriptions.Item label={t('shipments.fields.lastEventAt')}>
            {formatDateTime(s.lastEventAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('shipments.cards.route')} style={{ marginBottom: 16 }}>
            <ScheduleRow shipment={s} />
          </Card>
          <Card
            size="small"
            title={t('shipments.cards.containers')}
            extra={t('shipments.teuTotal', { teu: formatNumber(s.teu, i18n.language) })}
            style={{ marginBottom: 16 }}
          >
            <Table
              size="small"
              rowKey="number"
              pagination={false}
              dataSource={s.containers}
              locale={{ emptyText: t('shipments.noContainers') }}
              data-testid="shipment-containers"
              columns={[
                { key: 'number', title: t('shipments.fields.containerNumber'), dataIndex: 'number' },
                { key: 'type', title: t('shipments.fields.containerType'), dataIndex: 'type' },
                { key: 'seal', title: t('shipments.fields.seal'), render: (_, c) => c.seal ?? '—' },
              ]}
            />
          </Card>
          <Card size="small" title={t('shipments.cards.parties')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="role"
              pagination={false}
              dataSource={s.parties}
              locale={{ emptyText: t('shipments.noParties') }}
              data-testid="shipment-parties"
              columns={[
                { key: 'role', title: t('shipments.fields.role'), render: (_, p) => labels.role(p.role) },
                {
                  key: 'party',
                  title: t('shipments.fields.party'),
                  render: (_, p) =>
                    p.customerId ? (
                      <Link to={`/customers/${encodeURIComponent(p.customerId)}`} data-testid="party-customer">
                        {p.name ?? p.customerCode ?? p.customerId}
                      </Link>
                    ) : (
                      <Space size={4}>
                        <span>{p.name ?? '—'}</span>
                        <Tag color={p.match === 'ignored' ? 'default' : 'orange'} data-testid="party-unmatched">
                          {p.match === 'ignored' ? t('shipments.ignored') : t('shipments.unmatched')}
                        </Tag>
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('shipments.cards.cargo')} style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('shipments.fields.commodity')}>{s.commodity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.hsCode')}>{s.hsCode ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.packages')}>
                {formatNumber(s.packages, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.grossWeightKg')}>
                {formatNumber(s.grossWeightKg, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.volumeCbm')}>
                {formatNumber(s.volumeCbm, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.chargeableWeightKg')}>
                {formatNumber(s.chargeableWeightKg, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('shipments.fields.incoterm')}>{s.incoterm ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          {/* Money as the API gives it: a role without the right gets no amount, and nothing is shown. */}
          <Card size="small" title={t('shipments.cards.money')} style={{ marginBottom: 16 }}>
            {s.revenue || s.cost ? (
              <Descriptions size="small" column={{ xs: 1, sm: 3 }} data-testid="shipment-money">
                {s.revenue && (
                  <Descriptions.Item label={t('shipments.fields.revenue')}>
                    <span data-testid="shipment-revenue">{formatMoneyJson(s.revenue, i18n.language)}</span>
                  </Descriptions.Item>
                )}
                {s.cost && (
                  <Descriptions.Item label={t('shipments.fields.cost')}>
                    <span data-testid="shipment-cost">{formatMoneyJson(s.cost, i18n.language)}</span>
                  </Descriptions.Item>
                )}
                {profit && (
                  <Descriptions.Item label={t('shipments.grossMargin')}>
                    {formatMoneyJson(profit, i18n.language)}
                  </Descriptions.Item>
                )}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shipments.noMoney')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('shipments.cards.timeline')} loading={events.isPending}>
            <ShipmentTimeline shipment={s} events={events.data?.items ?? []} />
          </Card>
        </Col>
      </Row>
      {editing && <EditShipmentModal shipment={s} onClose={() => setEditing(false)} />}
    </div>
  );
}
