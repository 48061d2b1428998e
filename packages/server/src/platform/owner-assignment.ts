import type { ErrorCode, Resource } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { teams, users } from '../db/schema';
import { AppError } from './app-error';
import { type Ctx, requireScope } from './context';

/** A user as the owner rule needs them. */
export interface OwnerUser {
  id: string;
  name: string;
  teamId: string | null;
  status: string;
}

/** Why a user cannot be given the record: a stable code on a field, and what a message may name. */
export interface OwnerProblem {
  field: string;
  code: ErrorCode;
  params: { ownerId: string | null; teamId?: string | null };
}

export interface OwnerRequest {
  /** The resource and action whose data scope bounds the choice (customers.create, customers.assign, tasks.update…). */
  resource: Resource;
  action: string;
  ownerId: string | null;
  /** The team the record will belong to; undefined when it simply follows the owner's team. */
  teamId?: string | null;
  /**
   * The owner the record has now (updates): keeping them is no new assignment, so neither their
   * status nor their team is checked again, only the record's team.
   */
  currentOwnerId?: string | null;
  field?: string;
  teamField?: string;
  codes: { outsideScope: ErrorCode; inactive?: ErrorCode; unknown?: ErrorCode };
}

export type OwnerVerdict =
  | { problem: null; owner: OwnerUser | null; teamId: string | null }
  | { problem: OwnerProblem; owner?: undefined; teamId?: undefined };

/**
 * The one owner rule, for users already loaded (an import checks every row against one lookup):
 * the owner must be a user of the organisation, active when newly given the record, and within the
 * caller's data scope for the action — "own": only themselves; "team": themselves or a member of
 * their teams, and the record stays in one of their teams; "org": anyone. A record without owner
 * needs "org" scope, or "team" scope with one of the caller's teams named.
 */
export function ownerProblem(ctx: Ctx, user: OwnerUser | undefined, req: OwnerRequest): OwnerVerdict {
  const field = req.field ?? 'ownerId';
  const teamField = req.teamId === undefined ? field : (req.teamField ?? 'teamId');
  const fail = (at: string, code: ErrorCode): OwnerVerdict => ({
    problem: { field: at, code, params: { ownerId: req.ownerId, teamId: req.teamId } },
  });
  const scope = requireScope(ctx, req.resource, req.action);
  const inTeams = (id: string | null | undefined) => !!id && ctx.teamIds.includes(id);
  if (req.ownerId === null) {
    const team = req.teamId ?? null;
    if (scope === 'org' || (scope === 'team' && req.teamId !== undefined && inTeams(team))) {
      return { problem: null, owner: null, teamId: team };
    }
    return fail(scope === 'own' ? field : teamField, req.codes.outsideScope);
  }
  if (!user || user.id !== req.ownerId) return fail(field, req.codes.unknown ?? 'reference.invalid');
  const team = req.teamId === undefined ? user.teamId : req.teamId;
  const kept = req.currentOwnerId !== undefined && req.currentOwnerId === user.id;
  if (!kept && user.status !== 'active') return fail(field, req.codes.inactive ?? 'reference.user_inactive');
  const self = user.id === ctx.userId;
  if (scope === 'org' || (scope === 'own' && self)) return { problem: null, owner: user, teamId: team };
  if (!self && (scope === 'own' || (!kept && !inTeams(user.teamId)))) return fail(field, req.codes.outsideScope);
  const teamAllowed = inTeams(team) || (self && (team === null || team === user.teamId));
  if (!teamAllowed) return fail(teamField, req.codes.outsideScope);
  return { problem: null, owner: user, teamId: team };
}

/** The owner user of the organisation, or undefined. */
export async function findOwnerUser(ctx: Ctx, id: string): Promise<OwnerUser | undefined> {
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, teamId: users.teamId, status: users.status })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, id)));
  return user;
}

/** The owner rule with its look-ups: the user, and the named team, must exist in the organisation. */
export async function checkOwner(ctx: Ctx, req: OwnerRequest): Promise<OwnerVerdict> {
  if (req.teamId) {
    const [team] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, req.teamId)));
    if (!team) {
      return {
        problem: {
          field: req.teamField ?? 'teamId',
          code: 'reference.invalid',
          params: { ownerId: req.ownerId, teamId: req.teamId },
        },
      };
    }
  }
  return ownerProblem(ctx, req.ownerId ? await findOwnerUser(ctx, req.ownerId) : undefined, req);
}

export function ownerError(problem: OwnerProblem): AppError {
  return AppError.validation(problem.field, problem.code);
}

/** checkOwner for the API: the owner and the record's team, or a 422 on the field at fault. */
export async function assertOwner(
  ctx: Ctx,
  req: OwnerRequest,
): Promise<{ owner: OwnerUser | null; teamId: string | null }> {
  const verdict = await checkOwner(ctx, req);
  if (verdict.problem) throw ownerError(verdict.problem);
  return { owner: verdict.owner, teamId: verdict.teamId };
}
