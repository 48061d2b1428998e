import { type Customer, endpoints, formatPhone, type MoneyJson, sumPerCurrency } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Spin, Tag, Typography } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useUserLookup } from '../../../app/directory-lookups';
import { displayTimeZone, formatDateTime } from '../../../app/format';
import { customerSummaryCards } from '../../../app/navigation';
import { useCan } from '../../../app/permissions';
import { useFormatMoney } from '../../../app/use-format-money';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useCustomerOwnership } from '../../pool';
import { CustomerStatusTag } from '../customer-status-tag';
import { customerKeys } from '../query-keys';

const pageLimit = 200;

/**
 * Amounts per currency, never converted ("120,000.00 USD · 50,000.00 CNY"). An amount the API gives as null (unknown,
 * or hidden by the revenue right) adds nothing.
 */
function useMoneyList() {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  return (amounts: (MoneyJson | null)[]): string => {
    const totals = sumPerCurrency(amounts.filter((a): a is MoneyJson => a !== null)).map(formatMoney);
    return totals.length > 0 ? totals.join(' · ') : t('common.none');
  };
}

/**
 * The customer's next open task and primary contact, as far as the viewer may read them; the open opportunities only
 * for a record that came without its open pipeline (the record's figures need no lists). The task list answers
 * soonest due first, undated last, so its first open task is the next one: one row, whatever the customer holds.
 */
function useCustomerFigures(customer: Customer) {
  const can = useCan();
  const customerId = customer.id;
  const open = useQuery({
    queryKey: [...customerKeys.customers, 'summary', customerId, 'opportunities', 'open'],
    queryFn: ({ signal }) =>
      call(endpoints.opportunities.list, { query: { customerId, status: 'open', limit: pageLimit }, signal }),
    enabled: can('opportunities', 'read') && customer.openPipeline === undefined,
  });
  const nextTask = useQuery({
    queryKey: [...customerKeys.customers, 'summary', customerId, 'tasks', 'next'],
    queryFn: ({ signal }) =>
      call(endpoints.tasks.list, { query: { customerId, assignee: 'any', status: 'open', limit: 1 }, signal }),
    enabled: can('tasks', 'read'),
  });
  const contacts = useQuery({
    queryKey: [...customerKeys.contacts, 'summary', customerId],
    queryFn: ({ signal }) =>
      call(endpoints.customers.contacts, { params: { id: customerId }, query: { limit: 50 }, signal }),
    enabled: can('contacts', 'read'),
  });
  // Undated tasks sort last: a first task without a due time means no dated one is open.
  const next = nextTask.data?.items[0];
  return { open: open.data?.items, nextTask: next?.dueAt ? next : undefined, contacts: contacts.data?.items };
}

/** The calendar year of an instant in the zone the console shows times in (the user's, else the organisation's). */
function yearInDisplayZone(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: displayTimeZone(), year: 'numeric' }).format(instant));
}

function Figure({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Flex vertical gap={2} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <span>{children}</span>
    </Flex>
  );
}

/**
 * Who the customer is at a glance, at the top of the 360 page: status, owner and protection, last and next
 * follow-up, open pipeline and won this year (per currency, only amounts the viewer may see), the primary contact
 * with phones to copy, lanes by port names in the viewer's language, and the cards other modules add.
 */
export function CustomerSummary({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const names = useReferenceNames();
  const users = useUserLookup().byId;
  const moneyList = useMoneyList();
  const { data: ownership } = useCustomerOwnership(customer.id);
  const figures = useCustomerFigures(customer);
  // The record sums the deals won this year in the user's zone (per currency, only those whose revenue they see).
  const won = customer.wonThisYear;
  const year = won?.year ?? yearInDisplayZone(new Date());

  const primary = figures.contacts?.find((c) => c.isPrimary && c.status === 'active') ?? figures.contacts?.[0];
  const nextTask = figures.nextTask;
  // The record carries the next follow-up and the open pipeline over all of the customer's tasks and deals (the
  // pipeline only where the revenue right covers the deal); the next task the viewer may read fills in its title.
  const nextFollowUpAt = customer.nextFollowUpAt !== undefined ? customer.nextFollowUpAt : (nextTask?.dueAt ?? null);
  const nextTitle = nextTask?.dueAt === nextFollowUpAt ? nextTask?.title : undefined;
  const openPipeline =
    customer.openPipeline !== undefined
      ? customer.openPipeline === null
        ? t('common.none')
        : moneyList(customer.openPipeline)
      : figures.open
        ? moneyList(figures.open.map((o) => o.expectedRevenue))
        : '…';
  const protectedNow = ownership?.protectedUntil && new Date(ownership.protectedUntil) > new Date();
  const ownerName = (customer.ownerId && users.get(customer.ownerId)?.name) || null;
  const lanes = customer.tradeProfile.lanes;

  return (
    <Card style={{ marginBottom: 16 }} data-testid="customer-summary">
      <Row gutter={[24, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Figure label={t('customers.fields.status')} testId="summary-status">
            <CustomerStatusTag status={customer.status} />
          </Figure>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure label={t('customers.summary.owner')} testId="summary-owner">
            {ownerName ?? (customer.ownerId ? t('customers.summary.someone') : t('customers.summary.noOwner'))}
            {protectedNow && ownership?.protectedUntil && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {t('customers.summary.protectedUntil', { at: formatDateTime(ownership.protectedUntil) })}
              </Typography.Text>
            )}
          </Figure>
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Figure label={t('customers.summary.lastFollowUp')} testId="summary-last-follow-up">
            {ownership?.lastFollowUpAt ? formatDateTime(ownership.lastFollowUpAt) : t('common.none')}
          </Figure>
        </Col>
        {can('tasks', 'read') && (
          <Col xs={12} md={8} xl={5}>
            <Figure label={t('customers.summary.nextFollowUp')} testId="summary-next-follow-up">
              {nextFollowUpAt
                ? `${formatDateTime(nextFollowUpAt)}${nextTitle ? ` · ${nextTitle}` : ''}`
                : t('common.none')}
            </Figure>
          </Col>
        )}
        {can('opportunities', 'read') && (
          <>
            <Col xs={12} md={8} xl={5}>
              <Figure label={t('customers.summary.openPipeline')} testId="summary-open-pipeline">
                {openPipeline}
              </Figure>
            </Col>
            <Col xs={12} md={8} xl={5}>
              <Figure label={t('customers.summary.wonThisYear', { year })} testId="summary-won-this-year">
                {won ? moneyList(won.amounts) : t('common.none')}
              </Figure>
            </Col>
          </>
        )}
        {can('contacts', 'read') && (
          <Col xs={24} md={16} xl={9}>
            <Figure label={t('customers.summary.primaryContact')} testId="summary-primary-contact">
              {primary ? (
                <Flex wrap gap={8} align="baseline">
                  <Typography.Text strong>{primary.name}</Typography.Text>
                  {primary.title && <Typography.Text type="secondary">{primary.title}</Typography.Text>}
                  {primary.phones.map((phone) => (
                    <Typography.Text
                      key={phone}
                      copyable={primary.masked ? false : { text: phone }}
                      data-testid="summary-phone"
                    >
                      {formatPhone(phone, i18n.language === 'en' ? 'en' : 'zh-CN')}
                    </Typography.Text>
                  ))}
                  {primary.emails[0] && (
                    <Typography.Text copyable={primary.masked ? false : { text: primary.emails[0] }}>
                      {primary.emails[0]}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                t('common.none')
              )}
            </Figure>
          </Col>
        )}
        <Col xs={24} md={16} xl={10}>
          <Figure label={t('customers.fields.lanes')} testId="summary-lanes">
            {lanes.length === 0
              ? t('common.none')
              : lanes.slice(0, 4).map((lane) => (
                  <Tag key={`${lane.pol}-${lane.pod}-${lane.mode}`} title={`${lane.pol}-${lane.pod}`}>
                    {names.port(lane.pol)}→{names.port(lane.pod)}
                  </Tag>
                ))}
            {lanes.length > 4 && <Typography.Text type="secondary">+{lanes.length - 4}</Typography.Text>}
          </Figure>
        </Col>
        {customerSummaryCards
          .filter((card) => can(card.access.resource, card.access.action ?? 'read'))
          .map(({ key, card: SummaryCard }) => (
            <Col key={key} xs={12} md={8} xl={5} data-testid={`customer-summary-${key}`}>
              <Suspense fallback={<Spin size="small" />}>
                <SummaryCard customer={customer} />
              </Suspense>
            </Col>
          ))}
      </Row>
    </Card>
  );
}
