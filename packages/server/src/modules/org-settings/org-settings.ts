import { defaultOrgSettings, type OrgSettings, type UpdateOrgSettingsInput } from '@berth/domain';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { iso, updateVersioned } from '../../platform/versioned-write';
import { orgSettings } from './tables';

/** The organisation's settings as other modules use them (no version, no timestamps). */
export type OrgSettingValues = Omit<OrgSettings, 'version' | 'updatedAt'>;

type Row = typeof orgSettings.$inferSelect;
type Reader = Pick<Ctx, 'db' | 'orgId'>;

function toDto(row: Row | undefined): OrgSettings {
  if (!row) return { ...defaultOrgSettings, version: 1, updatedAt: null };
  return {
    reportingCurrency: row.reportingCurrency,
    timeZone: row.timeZone,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    workingCalendar: row.workingCalendar,
    shipmentDelayHours: row.shipmentDelayHours,
    version: row.version,
    updatedAt: iso(row.updatedAt),
  };
}

async function settingsRow(ctx: Reader): Promise<Row | undefined> {
  const [row] = await ctx.db.select().from(orgSettings).where(eq(orgSettings.orgId, ctx.orgId));
  return row;
}

/** The settings with their version: what GET /api/org-settings answers (any signed-in user reads them). */
export async function getOrgSettings(ctx: Reader): Promise<OrgSettings> {
  return toDto(await settingsRow(ctx));
}

/**
 * The organisation's settings for a rule or a report: reporting currency, time zone, fiscal-year start, working
 * calendar, shipment delay threshold. Reads no permission: the settings are not secret, and jobs read them too.
 */
export async function orgSettingsOf(ctx: Reader): Promise<OrgSettingValues> {
  const { version: _version, updatedAt: _updatedAt, ...values } = await getOrgSettings(ctx);
  return values;
}

/** The currency reports convert into (ISO 4217). */
export async function reportingCurrency(ctx: Reader): Promise<string> {
  return (await orgSettingsOf(ctx)).reportingCurrency;
}

/** The organisation's IANA time zone, for organisation-level jobs and stamps. */
export async function orgTimeZone(ctx: Reader): Promise<string> {
  return (await orgSettingsOf(ctx)).timeZone;
}

/** Each user's time zone: their own, or the organisation's where they chose none. */
export async function timeZonesOfUsers(ctx: Reader, userIds: readonly string[]): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  if (userIds.length === 0) return zones;
  const [rows, fallback] = await Promise.all([
    ctx.db
      .select({ id: users.id, timeZone: users.timeZone })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, [...new Set(userIds)]))),
    orgTimeZone(ctx),
  ]);
  for (const id of userIds) zones.set(id, fallback);
  for (const row of rows) if (row.timeZone) zones.set(row.id, row.timeZone);
  return zones;
}

/**
 * The same as userTimeZone as an SQL expression, for a request that reads it beside its own row instead of
 * in two more statements.
 */
export function userTimeZoneSql(ctx: Reader, userId: string | null): SQL<string> {
  const org = sql`(select ${orgSettings.timeZone} from ${orgSettings} where ${orgSettings.orgId} = ${ctx.orgId})`;
  const user = userId
    ? sql`(select ${users.timeZone} from ${users} where ${users.orgId} = ${ctx.orgId} and ${users.id} = ${userId})`
    : sql`null`;
  return sql<string>`coalesce(${user}, ${org}, ${defaultOrgSettings.timeZone})`;
}

/** One user's time zone (the organisation's when `userId` is null, e.g. an API key without a creator). */
export async function userTimeZone(ctx: Reader, userId: string | null): Promise<string> {
  if (!userId) return orgTimeZone(ctx);
  return (await timeZonesOfUsers(ctx, [userId])).get(userId) as string;
}

/** Administrators change the settings; the row is made on the first change, so the first If-Match is "1". */
export async function updateOrgSettings(
  ctx: Ctx,
  expected: number | undefined,
  input: UpdateOrgSettingsInput,
): Promise<OrgSettings> {
  requireScope(ctx, 'orgSettings', 'update');
  return inTransaction(ctx, async (tx) => {
    await tx.db.insert(orgSettings).values({ orgId: tx.orgId }).onConflictDoNothing();
    const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const row = await updateVersioned(tx, orgSettings, eq(orgSettings.orgId, tx.orgId), expected, patch);
    return toDto(row);
  });
}
