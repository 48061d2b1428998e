import type { SalesEventLead } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';

export interface LeadRow {
  id: string;
  event_id: string;
  customer_id: string;
  customer_code: string;
  customer_name: string;
  customer_status: string;
  created_with_lead: boolean;
  contact_id: string | null;
  contact_name: string | null;
  inquiry_id: string | null;
  opportunity_id: string | null;
  note: string | null;
  captured_by: string | null;
  captured_by_name: string | null;
  captured_at: Date | string;
}

/**
 * Leads with their company, contact, inquiry and capturer, for `where` (on alias l). A company
 * created by the lead form has the lead's own creation time: both are written in one transaction.
 */
export function selectLeads(ctx: Ctx, where: SQL, tail: SQL = sql``): Promise<LeadRow[]> {
  return queryRows<LeadRow>(
    ctx.db,
    sql`select l.id, l.event_id, l.customer_id, c.code as customer_code, c.name as customer_name,
               c.status as customer_status, (c.created_at = l.captured_at) as created_with_lead,
               l.contact_id, ct.name as contact_name, l.inquiry_id, i.opportunity_id, l.note,
               l.captured_by, u.name as captured_by_name, l.captured_at
          from sales_event_leads l
          join customers c on c.org_id = l.org_id and c.id = l.customer_id
          left join contacts ct on ct.org_id = l.org_id and ct.id = l.contact_id
          left join inquiries i on i.org_id = l.org_id and i.id = l.inquiry_id
          left join users u on u.org_id = l.org_id and u.id = l.captured_by
         where l.org_id = ${ctx.orgId} and ${where}
         ${tail}`,
  );
}

export function toLead(r: LeadRow): SalesEventLead {
  return {
    id: r.id,
    eventId: r.event_id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    customerStatus: r.customer_status,
    existingCustomer: !r.created_with_lead,
    contactId: r.contact_id,
    contactName: r.contact_name,
    inquiryId: r.inquiry_id,
    opportunityId: r.opportunity_id,
    note: r.note,
    capturedBy: r.captured_by,
    capturedByName: r.captured_by_name,
    capturedAt: new Date(r.captured_at).toISOString(),
  };
}
