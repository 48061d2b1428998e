import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { type Permissions, type SalesEvent, scopeOf } from '@berth/domain';
import { App, Button, type ButtonProps, Card, Col, Descriptions, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useMe } from '../../app/session';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useFormatMoney } from '../../app/use-format-money';
import { FullPageSpin } from '../../components/full-page-spin';
import { PageTitle } from '../../components/page-title';
import { ChecklistCard } from './checklist-card';
import { LeadsCard } from './leads-card';
import { ParticipantsCard } from './participants-card';
import { ReportCard } from './report-card';
import { RosterCard } from './roster-card';
import { SalesEventFormModal } from './sales-event-form-modal';
import { useSalesEventLabels } from './use-sales-event-labels';
import { useDeleteSalesEvent, useSalesEvent } from './use-sales-events';

/** Whether the signed-in user's salesEvents scope for `action` covers the event (the server decides in the end). */
function useMayOnEvent() {
  const { data: me } = useMe();
  return (event: SalesEvent, action: 'update' | 'delete') => {
    const scope = me ? scopeOf(me.permissions as Permissions, 'salesEvents', action) : null;
    if (!scope || !me) return false;
    if (scope === 'org' || event.ownerId === me.user.id) return true;
    return scope === 'team' && event.teamId !== null && event.teamId === me.user.teamId;
  };
}

export function SalesEventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: event, isPending } = useSalesEvent(id);
  if (isPending) return <FullPageSpin />;
  if (!event) {
    return (
      <Result
        status="404"
        title={t('salesEvents.notFound')}
        extra={<Button onClick={() => navigate('/sales-events')}>{t('salesEvents.backToList')}</Button>}
      />
    );
  }
  return <SalesEventDetail event={event} />;
}

function SalesEventDetail({ event }: { event: SalesEvent }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const handleError = useApiErrorHandler();
  const { data: me } = useMe();
  const labels = useSalesEventLabels();
  const formatMoney = useFormatMoney();
  const mayOn = useMayOnEvent();
  const remove = useDeleteSalesEvent(event);
  const [editing, setEditing] = useState(false);
  const editable = mayOn(event, 'update');
  const participant = event.participants.some((p) => p.id === me?.user.id);

  const confirmDelete = () =>
    modal.confirm({
      title: t('salesEvents.deleteConfirm', { name: event.name }),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-event' } as ButtonProps,
      onOk: () =>
        remove.mutateAsync().then(
          () => {
            void message.success(t('salesEvents.deleted'));
            navigate('/sales-events');
          },
          (error) => handleError(error),
        ),
    });

  return (
    <div data-testid="sales-event-page">
      <PageTitle
        title={event.name}
        extra={
          <>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-sales-event">
                {t('common.edit')}
              </Button>
            )}
            {mayOn(event, 'delete') && (
              <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="delete-sales-event">
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('salesEvents.fields.kind')}>
            <Tag color={labels.kindColor(event.kind)}>{labels.kind(event.kind)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('salesEvents.fields.time')}>
            <span data-testid="event-time">{labels.span(event)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('salesEvents.fields.place')}>{event.place ?? t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('salesEvents.fields.owner')}>
            {event.ownerName ?? t('common.none')}
          </Descriptions.Item>
          <Descriptions.Item label={t('salesEvents.fields.cost')}>{formatMoney(event.cost)}</Descriptions.Item>
          <Descriptions.Item label={t('salesEvents.fields.leads')}>{event.leadCount}</Descriptions.Item>
        </Descriptions>
        {event.description && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8, marginBottom: 0 }}>
            {event.description}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {event.remindedAt
            ? t('salesEvents.reminded', { at: formatDateTime(event.remindedAt) })
            : t('salesEvents.notReminded')}
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <ParticipantsCard event={event} editable={editable} />
        </Col>
        <Col xs={24} lg={14}>
          <ReportCard eventId={event.id} />
        </Col>
        <Col xs={24} lg={14}>
          <RosterCard event={event} editable={editable} />
        </Col>
        <Col xs={24} lg={10}>
          <ChecklistCard event={event} mayWork={editable || participant} />
        </Col>
        <Col span={24}>
          <LeadsCard event={event} mayCapture={editable || participant} />
        </Col>
      </Row>
      {editing && <SalesEventFormModal event={event} onClose={() => setEditing(false)} />}
    </div>
  );
}
