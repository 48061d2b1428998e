import type { UserRef } from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';

/**
 * A user's scope for one permission of their role, as SQL over `u` (users), `r` (roles) and `c` (the customer):
 * org → always; own → they own the customer; team → also when the customer's team is their team, a team they manage
 * or below one of those (`anc` holds the customer's team and its ancestors).
 */
function roleCovers(resource: string, action: string, orgId: string): SQL {
  return sql`coalesce(case r.permissions -> ${resource} ->> ${action}
      when 'org' then true
      when 'own' then c.owner_id = u.id
      when 'team' then c.owner_id = u.id
        or u.team_id in (select id from anc)
        or exists (select 1 from teams m where m.org_id = ${orgId} and m.manager_id = u.id and m.id in (select id from anc))
      else false end, false)`;
}

/**
 * Active users of the organisation who can read this customer and its notes — the only ones a note may mention, so
 * a notification never tells someone about a customer they cannot open. One set-based query, for the @ picker
 * (`q`) and for checking the mentions a note is saved with (`ids`).
 *
 * `q` matches the name or e-mail address, and a Chinese name by its pinyin or initials too (孙丽: "sun", "sl"),
 * which SQL cannot compute: the picker reads the organisation's mentionable users (a few hundred at most, capped)
 * and matches them here.
 */
export async function mentionableUsers(
  ctx: Ctx,
  customerId: string,
  options: { q?: string; ids?: string[]; limit: number },
): Promise<UserRef[]> {
  const q = options.q?.trim().toLowerCase();
  const ids = options.ids ? sql`and u.id = any(${arrayParam(options.ids)}::uuid[])` : sql``;
  const rows = await queryRows<UserRef & { email: string }>(
    ctx.db,
    sql`with recursive anc(id) as (
          select cu.team_id from customers cu
           where cu.org_id = ${ctx.orgId} and cu.id = ${customerId} and cu.team_id is not null
          union
          select t.parent_id from teams t join anc on t.id = anc.id
           where t.org_id = ${ctx.orgId} and t.parent_id is not null
        )
        select u.id, u.name, u.email
          from users u
          join roles r on r.org_id = u.org_id and r.id = u.role_id
          join customers c on c.org_id = u.org_id and c.id = ${customerId} and c.merged_into_id is null
         where u.org_id = ${ctx.orgId} and u.status = 'active'
           and ${roleCovers('customers', 'read', ctx.orgId)}
           and ${roleCovers('notes', 'read', ctx.orgId)}
           ${ids}
         order by u.name, u.id
         limit ${q ? mostMatchedUsers : options.limit}`,
  );
  const matching = q ? rows.filter((user) => matchesUser(user, q)).slice(0, options.limit) : rows;
  return matching.map(({ id, name }) => ({ id, name }));
}

const mostMatchedUsers = 2_000;

function matchesUser(user: { name: string; email: string }, q: string): boolean {
  if (user.name.toLowerCase().includes(q) || user.email.toLowerCase().includes(q)) return true;
  const keys = nameKeys(user.name);
  const compact = q.replace(/\s+/g, '');
  return Boolean(keys.pinyin?.includes(compact) || keys.initials?.startsWith(compact));
}
