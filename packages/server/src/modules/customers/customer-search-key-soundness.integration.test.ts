import { queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { arrayParam } from '../../db/database';
import { fullAccessCtx } from '../../platform/context';
import { termKeys, unkeyedPairs } from './customer-key-search';
import { searchMatch } from './customer-search';
import { searchNeedle } from './customer-search-keys';

/**
 * The key search reads only customers carrying every key of a term, then checks the search
 * condition: sound only if every customer the condition matches carries them all. Random names,
 * English names, phones, emails and contacts; terms cut out of their search texts (and random ones).
 */
describe('customer search keys', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  const texts: string[] = [];
  const seed = Number(process.env.FC_SEED ?? 20261207);

  const zh = fc.constantFrom(...'宁波上海远洋国际物流有限公司华通达信丰张伟李娜赵丽货运代理供应链集团股份责任');
  const word = fc.stringMatching(/^[a-z]{2,9}$/);
  const mobile = fc
    .tuple(fc.constantFrom('130', '135', '138', '139', '186'), fc.stringMatching(/^\d{8}$/))
    .map(([p, r]) => p + r);
  const customerFields = fc.record({
    name: fc.array(zh, { minLength: 2, maxLength: 10 }).map((cs) => cs.join('')),
    nameEn: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
    phone: mobile,
    email: fc.tuple(word, fc.stringMatching(/^\d{0,4}$/), word).map(([a, d, b]) => `${a}${d}@${b}.com`),
    contact: fc.array(zh, { minLength: 2, maxLength: 3 }).map((cs) => cs.join('')),
    contactPhone: mobile,
    wechat: fc.option(fc.stringMatching(/^[a-z][a-z0-9]{3,12}$/), { nil: undefined }),
  });

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganisation(t, { name: '搜索键' });
    admin = org.admin;
    orgId = org.id;
    for (const f of fc.sample(customerFields, { numRuns: 24, seed })) {
      const customer = await org.make.customer({ name: f.name, nameEn: f.nameEn, phone: f.phone, email: f.email });
      await org.make.contact({
        customerId: customer.id,
        name: f.contact,
        phones: [f.contactPhone],
        ...(f.wechat ? { wechat: f.wechat } : {}),
      });
    }
    const rows = await queryRows<{ search_text: string; contact_search_text: string; contact_personal_text: string }>(
      t.db,
      sql`select search_text, contact_search_text, contact_personal_text from customers where org_id = ${orgId}`,
    );
    for (const r of rows) texts.push(r.search_text, r.contact_search_text, r.contact_personal_text);
  });
  afterAll(() => t.close());

  it('keeps the stop pairs in one list: the SQL function and the copy termKeys reads', async () => {
    const [row] = await queryRows<{ pairs: string[] }>(t.db, sql`select berth_search_key_stop_pairs() as pairs`);
    expect([...(row?.pairs ?? [])].sort()).toEqual([...unkeyedPairs].sort());
  });

  it('gives every customer the search matches all the keys of the term', async () => {
    const cut = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 2, max: 14 })).map(([which, start, length]) => {
      const text = texts[which % texts.length] as string;
      const from = start % Math.max(text.length, 1);
      return text.slice(from, from + length);
    });
    const term = fc.oneof({ weight: 4, arbitrary: cut }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
    let keyed = 0;
    let matched = 0;
    await fc.assert(
      fc.asyncProperty(term, async (text) => {
        const needle = searchNeedle(text);
        const keys = termKeys(needle);
        if (!needle || keys.length === 0) return;
        keyed++;
        const ctx = fullAccessCtx(t.db, orgId, admin.me.user.id);
        const rows = await queryRows<{ id: string; missing: string[] }>(
          t.db,
          sql`select customers.id, array(select k from unnest(${arrayParam(keys)}::text[]) k
                                 where not exists (select 1 from customer_search_keys s
                                                    where s.org_id = customers.org_id and s.key = k
                                                      and s.customer_id = customers.id)) as missing
                from customers
               where customers.org_id = ${orgId} and customers.merged_into_id is null and ${searchMatch(ctx, needle)}`,
        );
        matched += rows.length;
        for (const r of rows) expect(r.missing, `term ${JSON.stringify(needle)} keys ${keys}`).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300), seed },
    );
    // The property says something only if terms had keys and matched customers.
    expect(keyed).toBeGreaterThan(100);
    expect(matched).toBeGreaterThan(100);
  });
});
