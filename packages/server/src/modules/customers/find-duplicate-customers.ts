import {
  type DuplicateCandidate,
  type DuplicateList,
  type duplicateQuerySchema,
  type ForeignDuplicate,
  normalizeCompanyName,
  normalizeCreditCode,
  normalizePhone,
} from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import { type Ctx, can, requireScope } from '../../platform/context';
import { customersInScope } from './customer-scope';

type Reason = DuplicateCandidate['reasons'][number];

/** Free-mail domains say nothing about the company. */
const publicMailDomains = new Set([
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'sohu.com',
  'foxmail.com',
  'aliyun.com',
  'yeah.net',
  '139.com',
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'icloud.com',
  'live.com',
  'msn.com',
]);

const reasonScore: Record<Reason, number> = {
  credit_code: 100,
  name: 95,
  cross_language_name: 85,
  name_en: 80,
  phone: 70,
  email_domain: 40,
};

const partialNameScore = 60;
const prefix = (key: string) => `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Row {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  credit_code: string | null;
  name_key: string;
  name_en_key: string | null;
  name_pinyin: string | null;
  phone: string | null;
  email: string | null;
  owner_id: string | null;
  owner_name: string | null;
  readable: boolean;
  similarity: number;
}

/** A customer that may be the same company, whether or not the caller may read it. */
export interface DuplicateMatch {
  customer: DuplicateCandidate['customer'] & { ownerId: string | null; ownerName: string | null };
  /** Within the caller's customers.read scope. */
  readable: boolean;
  score: number;
  reasons: Reason[];
  /** The reasons that identify the company outright: same credit code or the same name exactly. */
  exactReasons: ForeignDuplicate['reasons'];
}

const scoreOf = (found: Map<Reason, number>) =>
  Math.min(100, Math.max(0, ...found.values()) + 5 * Math.max(0, found.size - 1));

/**
 * Candidates for "the same company" across the whole organisation, scored by the strongest reason
 * plus a little for each further one: same credit code, same normalised name (suffix, width, case
 * and traditional/simplified folded), a Chinese name whose pinyin is another record's English name,
 * same phone, same company mail domain, or a name that differs by a typo. Each says whether the
 * caller may read it; what the caller learns of the others is for the use case to decide.
 */
export async function matchDuplicateCustomers(
  ctx: Ctx,
  input: z.infer<typeof duplicateQuerySchema>,
): Promise<DuplicateMatch[]> {
  const creditCode = input.creditCode ? normalizeCreditCode(input.creditCode) : null;
  const zh = input.name ? nameKeys(input.name) : null;
  const nameKey = zh?.normalized || null;
  const pinyin = zh?.pinyin ?? null;
  const nameEnKey = input.nameEn ? normalizeCompanyName(input.nameEn) || null : null;
  const phoneCheck = input.phone ? normalizePhone(input.phone) : null;
  const phone = phoneCheck?.ok ? phoneCheck.e164 : null;
  const domain = input.email?.toLowerCase().split('@')[1] ?? null;
  const companyDomain = domain && !publicMailDomains.has(domain) ? domain : null;
  if (!creditCode && !nameKey && !nameEnKey && !phone && !companyDomain) return [];

  const readable = can(ctx, 'customers', 'read') ? customersInScope(ctx, 'read') : sql`false`;
  const rows = await queryRows<Row>(
    ctx.db,
    sql`select id, code, name, name_en, credit_code, name_key, name_en_key, name_pinyin, phone, email, owner_id,
               (select u.name from users u where u.org_id = customers.org_id and u.id = customers.owner_id) as owner_name,
               (${readable}) as readable,
               ${nameKey ? sql`similarity(name_key, ${nameKey})` : sql`0`}::float as similarity
          from customers
         where org_id = ${ctx.orgId} and merged_into_id is null
           ${input.excludeId ? sql`and id <> ${input.excludeId}` : sql``}
           and (false
             ${creditCode ? sql`or credit_code = ${creditCode}` : sql``}
             ${nameKey ? sql`or name_key = ${nameKey} or name_key % ${nameKey} or name_en_key = ${nameKey} or name_key like ${prefix(nameKey)}` : sql``}
             ${pinyin ? sql`or name_en_key = ${pinyin} or name_key = ${pinyin} or name_pinyin = ${pinyin} or name_en_key like ${prefix(pinyin)}` : sql``}
             ${nameEnKey ? sql`or name_en_key = ${nameEnKey} or name_pinyin = ${nameEnKey} or name_key = ${nameEnKey} or name_en_key like ${prefix(nameEnKey)}` : sql``}
             ${phone ? sql`or phone = ${phone}` : sql``}
             ${companyDomain ? sql`or email like ${`%@${companyDomain}`}` : sql``})
         limit 50`,
  );

  const candidates = rows.map((row): DuplicateMatch => {
    const found = new Map<Reason, number>();
    const exact = new Set<ForeignDuplicate['reasons'][number]>();
    const add = (reason: Reason, score: number) => found.set(reason, Math.max(found.get(reason) ?? 0, score));
    const startsWith = (value: string | null, key: string | null, min: number) =>
      !!value && !!key && key.length >= min && value !== key && value.startsWith(key);
    if (creditCode && row.credit_code === creditCode) {
      add('credit_code', reasonScore.credit_code);
      exact.add('credit_code');
    }
    if (nameKey && row.name_key === nameKey) {
      add('name', reasonScore.name);
      exact.add('name');
    }
    if (nameKey && row.name_key !== nameKey && row.similarity >= 0.5) add('name', Math.round(row.similarity * 90));
    // A shorter name at the start of a longer one: 华为 / 华为技术, HUAWEI / Huawei Technologies.
    if (startsWith(row.name_key, nameKey, 2)) add('name', partialNameScore);
    if (nameEnKey && row.name_en_key === nameEnKey) {
      add('name_en', reasonScore.name_en);
      exact.add('name_en');
    }
    if (startsWith(row.name_en_key, nameEnKey, 5)) add('name_en', partialNameScore);
    const crossLanguage =
      (pinyin &&
        (row.name_en_key === pinyin ||
          row.name_key === pinyin ||
          (row.name_pinyin === pinyin && row.name_key !== nameKey))) ||
      (nameEnKey && (row.name_pinyin === nameEnKey || row.name_key === nameEnKey)) ||
      (nameKey && row.name_en_key === nameKey);
    if (crossLanguage) {
      add('cross_language_name', reasonScore.cross_language_name);
      exact.add('cross_language_name');
    }
    if (startsWith(row.name_en_key, pinyin, 5)) add('cross_language_name', partialNameScore);
    if (phone && row.phone === phone) add('phone', reasonScore.phone);
    if (companyDomain && row.email?.endsWith(`@${companyDomain}`)) add('email_domain', reasonScore.email_domain);
    return {
      customer: {
        id: row.id,
        code: row.code,
        name: row.name,
        nameEn: row.name_en,
        ownerId: row.owner_id,
        ownerName: row.owner_name,
      },
      readable: row.readable,
      score: scoreOf(found),
      reasons: [...found.keys()],
      exactReasons: [...exact],
    };
  });
  return candidates
    .filter((c) => c.reasons.length > 0 && c.score >= 40)
    .sort((a, b) => b.score - a.score)
    .slice(0, 20);
}

/**
 * The duplicate check of the customer form: everything about candidates the caller may read; of
 * the others only that the company exists and who owns it, and only when it is identified outright
 * (credit code, exact name). No id, code, phone or mail match: a rep must learn that a colleague
 * already has the customer, not read that customer, nor confirm its phone numbers by guessing.
 */
export async function findDuplicateCustomers(
  ctx: Ctx,
  input: z.infer<typeof duplicateQuerySchema>,
): Promise<DuplicateList> {
  requireScope(ctx, 'customers', 'read');
  const matches = await matchDuplicateCustomers(ctx, input);
  const items = matches
    .filter((m) => m.readable)
    .map(({ customer: { id, code, name, nameEn }, score, reasons }) => ({
      customer: { id, code, name, nameEn },
      score,
      reasons,
    }));
  const elsewhere = matches
    .filter((m) => !m.readable && m.exactReasons.length > 0)
    .map(({ customer, exactReasons }) => ({
      name: customer.name,
      nameEn: customer.nameEn,
      ownerName: customer.ownerName,
      score: scoreOf(new Map(exactReasons.map((r) => [r, reasonScore[r]]))),
      reasons: exactReasons,
    }))
    .sort((a, b) => b.score - a.score);
  return { items, elsewhere };
}
