import {
  type CreateInquiryInput,
  type Inquiry,
  type InquiryChannel,
  type InquiryListQuery,
  inquiryTitle,
  type Page,
  type SystemTitleParts,
} from '@berth/domain';
import { and, desc, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { emit } from '../../platform/events';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { customerRef, teamOfUser } from '../customers';
import { assertSalesEvent } from './create-opportunity';
import { insertOpportunity } from './insert-opportunity';
import { assertContactOfCustomer } from './opportunity-references';
import { firstOpenStage } from './stages';
import { inquiries, opportunities, opportunityLanes } from './tables';

export type { CreateInquiryInput, Inquiry };

type CustomerRow = { id: string; name: string; ownerId: string | null; teamId: string | null };

/**
 * The customer an inquiry is for. Through the API the caller's `inquiries.create` scope applies to
 * the customer (a rep records inquiries of their own customers); other modules' calls (sales event
 * leads, the portal, a web form) only need the customer to exist in the organisation.
 */
async function inquiryCustomer(ctx: Ctx, customerId: string): Promise<CustomerRow> {
  const scope = can(ctx, 'inquiries', 'create')
    ? scopeWhere(ctx, 'inquiries', 'create', {
        orgId: customerRef.orgId,
        owner: customerRef.ownerId,
        team: customerRef.teamId,
      })
    : eq(customerRef.orgId, ctx.orgId);
  const [row] = await ctx.db
    .select({ id: customerRef.id, name: customerRef.name, ownerId: customerRef.ownerId, teamId: customerRef.teamId })
    .from(customerRef)
    .where(and(scope, eq(customerRef.id, customerId), isNull(customerRef.mergedIntoId)));
  if (!row) throw AppError.validation('customerId', 'opportunity.customer_unknown');
  return row;
}

/** The newest open opportunity of the customer with a lane from `pol` to `pod` (any mode). */
async function openOpportunityOnLane(ctx: Ctx, customerId: string, pol: string, pod: string) {
  const [row] = await ctx.db
    .select({
      id: opportunities.id,
      code: opportunities.code,
      title: opportunities.title,
      titleParts: opportunities.titleParts,
      ownerId: opportunities.ownerId,
    })
    .from(opportunities)
    .where(
      and(
        eq(opportunities.orgId, ctx.orgId),
        eq(opportunities.customerId, customerId),
        eq(opportunities.status, 'open'),
        exists(
          ctx.db
            .select({ one: sql`1` })
            .from(opportunityLanes)
            .where(
              and(
                eq(opportunityLanes.orgId, opportunities.orgId),
                eq(opportunityLanes.opportunityId, opportunities.id),
                eq(opportunityLanes.pol, pol),
                eq(opportunityLanes.pod, pod),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(opportunities.id))
    .limit(1);
  return row;
}

/**
 * Records a customer's price inquiry (003): it joins the open opportunity of the same customer and
 * lane (POL + POD), or opens one in the inquiry stage owned by the customer's owner (else the
 * calling user, else nobody), and the owner is notified in the app and by email.
 */
export async function createInquiry(
  ctx: Ctx,
  input: CreateInquiryInput,
  options: { channel?: InquiryChannel; salesEventId?: string } = {},
): Promise<Inquiry> {
  return inTransaction(ctx, async (tx) => {
    const customer = await inquiryCustomer(tx, input.customerId);
    await assertContactOfCustomer(tx, input.contactId, customer.id);
    await assertSalesEvent(tx, options.salesEventId);
    // Two inquiries of one customer at once must not open two opportunities for the same lane.
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext('inquiry'), hashtext(${customer.id}))`);
    let opportunity = await openOpportunityOnLane(tx, customer.id, input.pol, input.pod);
    const opened = !opportunity;
    if (!opportunity) {
      const ownerId = customer.ownerId ?? (tx.actor.type === 'user' ? tx.userId : null);
      const teamId =
        ownerId === customer.ownerId
          ? (customer.teamId ?? (await teamOfUser(tx, ownerId)))
          : await teamOfUser(tx, ownerId);
      const lane = { pol: input.pol, pod: input.pod, mode: input.mode };
      const title = inquiryTitle(lane, tx.locale);
      const titleParts: SystemTitleParts = { key: 'inquiry', params: lane };
      const created = await insertOpportunity(
        tx,
        {
          title,
          titleParts,
          customerId: customer.id,
          contactId: input.contactId ?? null,
          lanes: [lane],
          volume: input.volume ?? {},
          ownerId,
          teamId,
          source: options.salesEventId ? 'event' : 'inquiry',
          salesEventId: options.salesEventId ?? null,
        },
        await firstOpenStage(tx, 'inquiry'),
      );
      opportunity = { ...created, title, titleParts, ownerId };
    }
    const [row] = await tx.db
      .insert(inquiries)
      .values({
        orgId: tx.orgId,
        customerId: customer.id,
        contactId: input.contactId ?? null,
        pol: input.pol,
        pod: input.pod,
        mode: input.mode,
        message: input.message ?? null,
        volume: volumeJson(input.volume),
        opportunityId: opportunity.id,
        openedOpportunity: opened,
        channel: options.channel ?? 'api',
        salesEventId: options.salesEventId ?? null,
        createdBy: tx.userId,
      })
      .returning();
    await emit(tx, 'inquiry.received', {
      inquiryId: (row as InquiryRow).id,
      customerId: customer.id,
      customerName: customer.name,
      opportunityId: opportunity.id,
      opportunityCode: opportunity.code,
      opportunityTitle: opportunity.title,
      opportunityTitleParts: opportunity.titleParts ?? null,
      opportunityOwnerId: opportunity.ownerId,
      openedOpportunity: opened,
      pol: input.pol,
      pod: input.pod,
      mode: input.mode,
      message: excerpt(input.message),
    });
    return toInquiry(row as InquiryRow, customer.name);
  });
}

const excerptLength = 200;
const excerpt = (text: string | null | undefined): string | null =>
  !text ? null : text.length > excerptLength ? `${text.slice(0, excerptLength - 1)}…` : text;

function volumeJson(volume: CreateInquiryInput['volume']): Record<string, number> | null {
  if (!volume) return null;
  const entries = Object.entries(volume).filter((e): e is [string, number] => typeof e[1] === 'number');
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

type InquiryRow = typeof inquiries.$inferSelect;

function toInquiry(row: InquiryRow, customerName: string): Inquiry {
  return {
    id: row.id,
    customerId: row.customerId,
    customerName,
    contactId: row.contactId,
    pol: row.pol,
    pod: row.pod,
    mode: row.mode,
    message: row.message,
    volume: row.volume ?? null,
    opportunityId: row.opportunityId,
    openedOpportunity: row.openedOpportunity,
    channel: row.channel,
    salesEventId: row.salesEventId,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt) as string,
  };
}

/** Inquiries the caller may read: those on opportunities in their `inquiries.read` scope. */
function inquiriesInScope(ctx: Ctx): SQL {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.orgId, inquiries.orgId),
          eq(opportunities.id, inquiries.opportunityId),
          scopeWhere(ctx, 'inquiries', 'read', {
            orgId: opportunities.orgId,
            owner: opportunities.ownerId,
            team: opportunities.teamId,
          }),
        ),
      ),
  );
}

export async function findInquiries(ctx: Ctx, query: InquiryListQuery): Promise<Page<Inquiry>> {
  const keyset = { sort: inquiries.id, id: inquiries.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await ctx.db
    .select({ inquiry: inquiries, customerName: customerRef.name })
    .from(inquiries)
    .innerJoin(customerRef, and(eq(customerRef.orgId, inquiries.orgId), eq(customerRef.id, inquiries.customerId)))
    .where(
      and(
        eq(inquiries.orgId, ctx.orgId),
        inquiriesInScope(ctx),
        query.customerId ? eq(inquiries.customerId, query.customerId) : undefined,
        query.opportunityId ? eq(inquiries.opportunityId, query.opportunityId) : undefined,
        query.salesEventId ? eq(inquiries.salesEventId, query.salesEventId) : undefined,
        afterCursor(keyset),
      ),
    )
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.inquiry.id, r.inquiry.id],
    (r) => toInquiry(r.inquiry, r.customerName),
  );
}
