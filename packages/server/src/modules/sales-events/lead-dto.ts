import type { LeadHandover, SalesEventLead } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { type Ctx, can } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { customerRef, maskEmail, maskPhone, seesPersonalData } from '../customers';

export interface LeadRow {
  id: string;
  event_id: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  customer_status: string;
  customer_owner_id: string | null;
  customer_team_id: string | null;
  customer_owner_name: string | null;
  /** The company is within the caller's customers.read scope. */
  readable: boolean;
  /** Its contacts are within the caller's contacts.read scope. */
  contacts_readable: boolean;
  created_with_lead: boolean;
  contact_id: string | null;
  contact_name: string | null;
  inquiry_id: string | null;
  opportunity_id: string | null;
  note: string | null;
  handed_to_id: string | null;
  handed_to_name: string | null;
  handover: LeadHandover | null;
  captured_by: string | null;
  captured_by_name: string | null;
  captured_at: Date | string;
}

/** The caller's scope for `action` on the lead's company (joined as `customers`), false without the right. */
function inScope(ctx: Ctx, resource: 'customers' | 'contacts'): SQL {
  if (!can(ctx, resource, 'read')) return sql`false`;
  return scopeWhere(ctx, resource, 'read', {
    orgId: customerRef.orgId,
    owner: customerRef.ownerId,
    team: customerRef.teamId,
  });
}

/**
 * Leads with their company, contact, inquiry and capturer, for `where` (on alias l), and what the
 * caller may read of the company. A company created by the lead form has the lead's own creation
 * time: both are written in one transaction.
 */
export function selectLeads(ctx: Ctx, where: SQL, tail: SQL = sql``): Promise<LeadRow[]> {
  return queryRows<LeadRow>(
    ctx.db,
    sql`select l.id, l.event_id, l.customer_id, customers.code as customer_code, customers.name as customer_name,
               customers.status as customer_status, customers.owner_id as customer_owner_id,
               customers.team_id as customer_team_id, cu.name as customer_owner_name,
               (${inScope(ctx, 'customers')}) as readable, (${inScope(ctx, 'contacts')}) as contacts_readable,
               (customers.created_at = l.captured_at) as created_with_lead,
               l.contact_id, ct.name as contact_name, l.inquiry_id, i.opportunity_id, l.note,
               l.handed_to_id, hu.name as handed_to_name, l.handover,
               l.captured_by, u.name as captured_by_name, l.captured_at
          from sales_event_leads l
          join customers on customers.org_id = l.org_id and customers.id = l.customer_id
          left join users cu on cu.org_id = l.org_id and cu.id = customers.owner_id
          left join contacts ct on ct.org_id = l.org_id and ct.id = l.contact_id
          left join inquiries i on i.org_id = l.org_id and i.id = l.inquiry_id
          left join users hu on hu.org_id = l.org_id and hu.id = l.handed_to_id
          left join users u on u.org_id = l.org_id and u.id = l.captured_by
         where l.org_id = ${ctx.orgId} and ${where}
         ${tail}`,
  );
}

function maskedHandover(handover: LeadHandover, personal: boolean): LeadHandover {
  if (personal) return handover;
  return {
    ...handover,
    phone: handover.phone ? maskPhone(handover.phone) : null,
    email: handover.email ? maskEmail(handover.email) : null,
  };
}

/**
 * The lead as the caller may see it. A company outside their customers.read scope shows as its name
 * and owner only; the lead's own note and entered details show to whoever may read the company and
 * to the colleague who captured it; phones and emails are masked without personalData.read for the
 * company.
 */
export function toLead(ctx: Ctx, r: LeadRow): SalesEventLead {
  const capturedByCaller = !!ctx.userId && r.captured_by === ctx.userId;
  const ownDetails = r.readable || capturedByCaller;
  const personal = seesPersonalData(ctx, { ownerId: r.customer_owner_id, teamId: r.customer_team_id });
  const contactShown = r.readable && r.contacts_readable;
  return {
    id: r.id,
    eventId: r.event_id,
    customerId: r.readable ? r.customer_id : null,
    customerCode: r.readable ? r.customer_code : null,
    customerName: r.customer_name,
    customerStatus: r.readable ? r.customer_status : null,
    customerOwnerName: r.readable ? null : r.customer_owner_name,
    existingCustomer: !r.created_with_lead,
    contactId: contactShown ? r.contact_id : null,
    contactName: contactShown ? r.contact_name : null,
    inquiryId: r.readable ? r.inquiry_id : null,
    opportunityId: r.readable ? r.opportunity_id : null,
    note: ownDetails ? r.note : null,
    handedOver: r.handover !== null,
    handedToName: r.handed_to_name,
    handover: r.handover && ownDetails ? maskedHandover(r.handover, personal) : null,
    capturedBy: r.captured_by,
    capturedByName: r.captured_by_name,
    capturedAt: new Date(r.captured_at).toISOString(),
  };
}
