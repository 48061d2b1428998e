import { z } from 'zod';
import { customerRoles, relationshipTypes } from '../customers/customer-schemas';
import { listQuerySchema } from '../platform/pagination';

/**
 * Ownership and the public pool (公海). A customer has an owning rep; rules per organisation, or
 * per team as an override, return idle customers to their team's pool, from which reps claim them.
 */

/** Why a customer changed hands; every change is kept in ownership_changes and shown on the timeline. */
export const ownershipChangeKinds = ['claim', 'release', 'assign', 'handover', 'auto_return', 'update'] as const;
export type OwnershipChangeKind = (typeof ownershipChangeKinds)[number];

/** The idle conditions of a rule; an automatic return records which one applied. */
export const poolReturnRules = ['no_follow_up', 'no_deal'] as const;
export type PoolReturnRule = (typeof poolReturnRules)[number];

const days = z.number().int().min(1).max(3650);
const limit = z.number().int().min(0).max(100_000);

/** Roles exempt from automatic return unless a rule says otherwise. */
export const defaultExemptRoles = ['consignee', 'notify_party', 'overseas_agent', 'carrier'] as const;

/** The rule fields a manager edits. `null` turns a condition or a limit off. */
export const poolRuleInputSchema = z
  .object({
    /** Automatic return and warnings run only for enabled rules; claiming and releasing always work. */
    enabled: z.boolean(),
    /** Days a newly claimed or assigned customer cannot be returned automatically. */
    protectionDays: z.number().int().min(0).max(3650),
    /** Return when there was no follow-up for this many days (from the later of last follow-up and owner since). */
    noFollowUpDays: days.nullable(),
    /** Return when there was no deal for this many days (from the later of last deal and owner since). */
    noDealDays: days.nullable(),
    /** Warn the owner this many days before the return; the owner always gets at least this much notice. */
    warnDaysBefore: z.number().int().min(0).max(365),
    /** Most customers a rep may hold at once that they claimed from the pool. */
    maxClaimedHeld: limit.nullable(),
    /** Most claims a rep may make in any 24 hours. */
    maxClaimsPerDay: limit.nullable(),
    /**
     * Customers whose every role is one of these are never returned to the pool automatically: consignees,
     * notify parties, overseas agents and carriers are records for shipments, not accounts a rep develops.
     * A customer that is also a shipper or a direct customer is not exempt.
     */
    exemptRoles: z
      .array(z.enum(customerRoles))
      .max(customerRoles.length)
      .default([...defaultExemptRoles]),
    /** Customers of these relationships (strategic, long-term…) are never returned automatically either. */
    exemptRelationships: z.array(z.enum(relationshipTypes)).max(relationshipTypes.length).default([]),
  })
  .strict();
export type PoolRuleInput = z.infer<typeof poolRuleInputSchema>;

export const poolRuleSchema = poolRuleInputSchema.extend({
  /** null: the organisation's rule; otherwise the override for this team (and customers of this team). */
  teamId: z.uuid().nullable(),
  /** 0 while the rule has never been saved (the defaults apply); send it as If-Match to save. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type PoolRule = z.infer<typeof poolRuleSchema>;

export const poolRulesSchema = z.object({ default: poolRuleSchema, teams: z.array(poolRuleSchema) });
export type PoolRules = z.infer<typeof poolRulesSchema>;

export const poolRuleTargetSchema = z.object({
  teamId: z.uuid().optional().describe('The team whose override to save; omitted for the organisation rule'),
});
export const poolRuleTeamSchema = z.object({ teamId: z.uuid() });

/** What applies while nothing is saved: no automatic return, a week of protection, no limits. */
export const defaultPoolRule: PoolRuleInput = {
  enabled: false,
  protectionDays: 7,
  noFollowUpDays: 30,
  noDealDays: null,
  warnDaysBefore: 3,
  maxClaimedHeld: null,
  maxClaimsPerDay: null,
  exemptRoles: [...defaultExemptRoles],
  exemptRelationships: [],
};

export const poolListQuerySchema = listQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  country: z.string().trim().toUpperCase().length(2).optional(),
  teamId: z.uuid().optional(),
});

export const poolCustomerSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  country: z.string().nullable(),
  industry: z.string().nullable(),
  status: z.string(),
  teamId: z.uuid().nullable(),
  pooledAt: z.string(),
  lastFollowUpAt: z.string().nullable(),
  /** Who held it last, when known. */
  previousOwnerId: z.uuid().nullable(),
});
export type PoolCustomer = z.infer<typeof poolCustomerSchema>;

export const poolQuotaSchema = z.object({
  maxClaimedHeld: z.number().int().nullable(),
  claimedHeld: z.number().int(),
  maxClaimsPerDay: z.number().int().nullable(),
  claimedToday: z.number().int(),
  /** Claims the caller can still make now; null when no limit applies. */
  remaining: z.number().int().nullable(),
});
export type PoolQuota = z.infer<typeof poolQuotaSchema>;

export const releaseCustomerInputSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export type ReleaseCustomerInput = z.infer<typeof releaseCustomerInputSchema>;

export const assignCustomerInputSchema = z.object({
  ownerId: z.uuid(),
  /** Defaults to the new owner's team. */
  teamId: z.uuid().nullable().optional(),
  reason: z.string().trim().max(500).optional(),
});
export type AssignCustomerInput = z.infer<typeof assignCustomerInputSchema>;

export const handoverInputSchema = z.object({
  fromUserId: z.uuid(),
  toUserId: z.uuid(),
  /** Only these customers; omitted: every customer of fromUserId the caller may assign. */
  customerIds: z.array(z.uuid()).min(1).max(10_000).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type HandoverInput = z.infer<typeof handoverInputSchema>;
export const handoverResultSchema = z.object({ count: z.number().int() });
export const handoverPreviewQuerySchema = z.object({ fromUserId: z.uuid() });
/** How many customers a handover from that user would move now (theirs that the caller may assign). */
export const handoverPreviewSchema = z.object({ count: z.number().int() });
export type HandoverPreview = z.infer<typeof handoverPreviewSchema>;

export const customerOwnershipSchema = z.object({
  customerId: z.uuid(),
  ownerId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  ownerSince: z.string().nullable(),
  protectedUntil: z.string().nullable(),
  pooledAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  lastDealAt: z.string().nullable(),
  /** When the rules would return the customer to the pool if nothing happens; null when no rule applies. */
  returnsAt: z.string().nullable(),
  canClaim: z.boolean(),
  canRelease: z.boolean(),
  canAssign: z.boolean(),
});
export type CustomerOwnership = z.infer<typeof customerOwnershipSchema>;
