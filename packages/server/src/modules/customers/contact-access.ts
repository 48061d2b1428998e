import { type Scope, scopeOf } from '@berth/domain';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { contacts, customers } from './tables';

/** Contacts follow their customer's owner and team for data scope; queries join `customers`. */
export function contactsInScope(ctx: Ctx, action: string): SQL {
  return and(
    scopeWhere(ctx, 'contacts', action, { orgId: contacts.orgId, owner: customers.ownerId, team: customers.teamId }),
    isNull(customers.mergedIntoId),
  ) as SQL;
}

export const customerOfContact = and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)) as SQL;

/** Whether the role may see this contact's personal data unmasked (personalData.read, by the customer's owner and team). */
export function seesPersonalData(ctx: Ctx, customer: { ownerId: string | null; teamId: string | null }): boolean {
  const scope: Scope | null = scopeOf(ctx.permissions, 'personalData', 'read');
  if (scope === 'org') return true;
  const mine = !!ctx.userId && customer.ownerId === ctx.userId;
  if (scope === 'own') return mine;
  if (scope === 'team') return mine || (!!customer.teamId && ctx.teamIds.includes(customer.teamId));
  return false;
}

export function maskPhone(e164: string): string {
  return e164.length <= 7 ? '****' : `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

export const contactSearchText = (c: { name: string; phones: string[]; emails: string[]; wechat?: string | null }) =>
  [
    c.name.normalize('NFKC').toLowerCase(),
    ...c.phones,
    ...c.phones.map((p) => p.replace(/^\+86/, '')),
    ...c.emails,
    c.wechat,
  ]
    .filter(Boolean)
    .join(' | ');
