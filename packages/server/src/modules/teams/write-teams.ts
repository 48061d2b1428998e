import type { createTeamInputSchema, Team, updateTeamInputSchema } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { teams } from '../../db/schema';
import { AppError, isForeignKeyViolation, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { deleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { customerRef } from '../customers';
import { assertTeamReferences } from './assert-team-references';
import { getTeam } from './get-team';
import { teamById } from './team-dto';

function mapTeamErrors(error: unknown): never {
  if (isUniqueViolation(error, 'teams_org_name_uq')) throw AppError.conflict('team.name_taken', 'name');
  throw error;
}

export async function createTeam(ctx: Ctx, input: z.infer<typeof createTeamInputSchema>): Promise<Team> {
  requireScope(ctx, 'teams', 'create');
  return inTransaction(ctx, async (tx) => {
    await assertTeamReferences(tx, 'create', null, input);
    const [row] = await tx.db
      .insert(teams)
      .values({
        orgId: tx.orgId,
        name: input.name,
        parentId: input.parentId ?? null,
        managerId: input.managerId ?? null,
      })
      .returning()
      .catch(mapTeamErrors);
    return { ...(await getTeam(tx, (row as { id: string }).id, { bypassScope: true })) };
  });
}

export async function updateTeam(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: z.infer<typeof updateTeamInputSchema>,
): Promise<Team> {
  return inTransaction(ctx, async (tx) => {
    await assertTeamReferences(tx, 'update', id, input);
    await updateVersioned(tx, teams, teamById(tx, 'update', id), expected, input).catch(mapTeamErrors);
    return getTeam(tx, id, { bypassScope: true });
  });
}

/**
 * A team with members, sub-teams or customers cannot be deleted; move them first. Customers name
 * their team without a foreign key, so they are checked here: a dangling team id would break every
 * record later copied from the customer (an opportunity's team has a foreign key).
 */
export async function deleteTeam(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteVersioned(tx, teams, teamById(tx, 'delete', id), expected).catch((error) => {
      if (isForeignKeyViolation(error)) throw new AppError('conflict.in_use', 409);
      throw error;
    });
    const [customer] = await tx.db
      .select({ id: customerRef.id })
      .from(customerRef)
      .where(and(eq(customerRef.orgId, tx.orgId), eq(customerRef.teamId, id)))
      .limit(1);
    if (customer) throw new AppError('conflict.in_use', 409);
  });
}
