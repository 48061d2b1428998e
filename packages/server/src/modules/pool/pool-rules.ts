import { defaultPoolRule, type PoolRule, type PoolRuleInput, type PoolRules } from '@berth/domain';
import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { teams } from '../../db/schema';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { poolRules } from './tables';

type RuleRow = typeof poolRules.$inferSelect;

function toRule(row: RuleRow): PoolRule {
  return {
    teamId: row.teamId,
    enabled: row.enabled,
    protectionDays: row.protectionDays,
    noFollowUpDays: row.noFollowUpDays,
    noDealDays: row.noDealDays,
    warnDaysBefore: row.warnDaysBefore,
    maxClaimedHeld: row.maxClaimedHeld,
    maxClaimsPerDay: row.maxClaimsPerDay,
    exemptRoles: row.exemptRoles,
    exemptRelationships: row.exemptRelationships,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const unsaved = (teamId: string | null): PoolRule => ({ ...defaultPoolRule, teamId, version: 0, updatedAt: null });

/** The rule that applies to customers of a team (and to reps of that team): its override, else the organisation's. */
export async function ruleFor(ctx: Ctx, teamId: string | null): Promise<PoolRuleInput> {
  const [row] = await ctx.db
    .select()
    .from(poolRules)
    .where(
      and(
        eq(poolRules.orgId, ctx.orgId),
        teamId ? or(eq(poolRules.teamId, teamId), isNull(poolRules.teamId)) : isNull(poolRules.teamId),
      ),
    )
    .orderBy(sql`${poolRules.teamId} asc nulls last`)
    .limit(1);
  return row ? toRule(row) : defaultPoolRule;
}

/** The organisation's rule and every team override (few rows; not paged). */
export async function getPoolRules(ctx: Ctx): Promise<PoolRules> {
  requireScope(ctx, 'pool', 'read');
  const rows = await ctx.db
    .select()
    .from(poolRules)
    .leftJoin(teams, and(eq(teams.orgId, poolRules.orgId), eq(teams.id, poolRules.teamId)))
    .where(eq(poolRules.orgId, ctx.orgId))
    .orderBy(asc(teams.name));
  const rules = rows.map((r) => toRule(r.pool_rules));
  return {
    default: rules.find((r) => r.teamId === null) ?? unsaved(null),
    teams: rules.filter((r) => r.teamId !== null),
  };
}

/** The organisation rule needs pool.configure for the organisation; a team override, for that team. */
async function assertConfigurable(ctx: Ctx, teamId: string | null): Promise<void> {
  const scope = requireScope(ctx, 'pool', 'configure');
  if (teamId) {
    const [team] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, teamId)));
    if (!team) throw AppError.validation('teamId', 'reference.invalid');
  }
  if (scope === 'org') return;
  if (!teamId || !ctx.teamIds.includes(teamId)) throw AppError.forbidden();
}

const ruleWhere = (ctx: Ctx, teamId: string | null): SQL =>
  and(eq(poolRules.orgId, ctx.orgId), teamId ? eq(poolRules.teamId, teamId) : isNull(poolRules.teamId)) as SQL;

/**
 * Saves the organisation rule or a team override. `expected` is the version the client read:
 * 0 for a rule never saved (created now), otherwise the row's version; a mismatch answers 412.
 */
export async function savePoolRule(
  ctx: Ctx,
  teamId: string | null,
  expected: number | undefined,
  input: PoolRuleInput,
): Promise<PoolRule> {
  return inTransaction(ctx, async (tx) => {
    await assertConfigurable(tx, teamId);
    const where = ruleWhere(tx, teamId);
    const [current] = await tx.db.select().from(poolRules).where(where).for('update');
    if (!current) {
      if (expected !== undefined && expected !== 0) throw AppError.versionConflict();
      const [row] = await tx.db
        .insert(poolRules)
        .values({ orgId: tx.orgId, teamId, ...input })
        .returning()
        .catch((error) => {
          // Someone created it at the same moment.
          if (isUniqueViolation(error)) throw AppError.versionConflict();
          throw error;
        });
      return toRule(row as RuleRow);
    }
    if (expected !== undefined && expected !== current.version) throw AppError.versionConflict();
    const [row] = await tx.db
      .update(poolRules)
      .set({ ...input, version: sql`${poolRules.version} + 1`, updatedAt: sql`now()` })
      .where(and(where, eq(poolRules.version, current.version)))
      .returning();
    if (!row) throw AppError.versionConflict();
    return toRule(row);
  });
}

/** Removes a team override; the team then follows the organisation rule. */
export async function deletePoolRule(ctx: Ctx, teamId: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await assertConfigurable(tx, teamId);
    const where = ruleWhere(tx, teamId);
    const rows = await tx.db
      .delete(poolRules)
      .where(expected === undefined ? where : and(where, eq(poolRules.version, expected)))
      .returning({ id: poolRules.id });
    if (rows.length > 0) return;
    const [exists] = await tx.db.select({ id: poolRules.id }).from(poolRules).where(where);
    throw exists ? AppError.versionConflict() : AppError.notFound();
  });
}
