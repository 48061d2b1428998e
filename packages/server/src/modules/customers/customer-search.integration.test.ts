import { fullPermissions } from '@berth/domain';
import { queryRows } from '@berth/server/db/database';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { fullAccessCtx, systemCtx } from '../../platform/context';
import { customerSearchCondition } from './customer-search';
import { defaultSearchTuning, findCustomers, type SearchTuning } from './find-customers';

/**
 * Search reads a rare term's matches by id and filters a common term while walking the list
 * index; both plans must return exactly the same customers.
 */
describe('customer search plans', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  const names = [
    '宁波远洋国际物流有限公司',
    '上海远洋货运代理有限公司',
    '远洋航运有限公司',
    '青岛海丰物流有限公司',
    '厦门顺达供应链有限公司',
  ];

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganisation(t, { name: '搜索测试' });
    admin = org.admin;
    orgId = org.id;
    for (const [i, name] of names.entries()) {
      const customer = await org.make.customer({ name });
      await org.make.contact({
        customerId: customer.id,
        name: i % 2 ? '张伟' : `李${'娜静'[i % 2]}远`,
        phones: [`1391234567${i}`],
      });
    }
  });
  afterAll(() => t.close());

  async function search(term: string, cap?: number): Promise<string[]> {
    const caps = cap === undefined ? undefined : { customers: cap, contacts: cap };
    // The oracle sees everything: personal data is searchable only where the caller sees it.
    const condition = await customerSearchCondition(fullAccessCtx(t.db, orgId, admin.me.user.id), term, caps);
    const rows = await queryRows<{ name: string }>(
      t.db,
      sql`select name from customers where org_id = ${orgId} and ${condition ?? sql`true`} order by id desc`,
    );
    return rows.map((r) => r.name);
  }

  it.each(['远洋', '远洋国际', 'yuanyang', '张伟', '13912345673', 'wl', '物流', '海丰', '不存在'])(
    'finds the same customers for "%s" whether the term is rare or common',
    async (term) => {
      expect(await search(term, 1)).toEqual(await search(term));
    },
  );

  it('matches two-character terms on Chinese names, word starts and contact names', async () => {
    expect(await search('远洋')).toEqual(names.slice(0, 3).reverse());
    expect(await search('张伟')).toEqual([names[3], names[1]]);
    // Latin pairs match where a word (pinyin, initials, English, code) starts.
    expect(await search('yu')).toEqual([names[2]]);
    expect(await search('sh')).toEqual([names[1]]);
    expect(await search('不存')).toEqual([]);
  });

  it.each(['远洋', 'yuanyang', '张伟', '13912345673', 'c000002', '物流'])(
    'pages through the list search for "%s" with the same customers as the index plan',
    async (term) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/customers?limit=2&q=${encodeURIComponent(term)}${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: { name: string }[]; nextCursor: string | null } = (
          await t.request('GET', query, { as: admin })
        ).json();
        seen.push(...page.items.map((c: { name: string }) => c.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(await search(term));
      expect(seen.length).toBeGreaterThan(0);
    },
  );

  /** Every branch of the plan, driven on a few rows by shrinking its bounds. */
  const tunings: [string, SearchTuning][] = [
    ['default bounds', defaultSearchTuning],
    ['walk of one row, candidates by id', { walkWindow: 1, commonAfter: 99, caps: { customers: 99, contacts: 99 } }],
    [
      // A customer cap of 0: more matches than the candidates may take, so the walk goes on.
      'walk of one row, common after one match',
      { walkWindow: 1, commonAfter: 1, caps: { customers: 0, contacts: 99 } },
    ],
    [
      'no walk window, customer side over its cap',
      { walkWindow: 1, commonAfter: 99, caps: { customers: 0, contacts: 99 } },
    ],
    [
      'no walk window, contact side over its cap',
      { walkWindow: 1, commonAfter: 99, caps: { customers: 99, contacts: 0 } },
    ],
  ];

  it.each(['远洋', 'yuanyang', '张伟', '李', '13912345673', '物流', '有限公司', '不存在'])(
    'pages through "%s" one customer at a time with every plan, finding what the condition finds',
    async (term) => {
      const expected = await search(term);
      const ctx = { ...systemCtx(t.db, orgId), userId: admin.me.user.id, permissions: fullPermissions() };
      for (const [, tuning] of tunings) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await findCustomers(ctx, { limit: 1, q: term, cursor } as never, tuning);
          seen.push(...page.items.map((c) => c.name));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(expected);
      }
    },
  );

  async function pages(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/customers?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await t.request('GET', url, { as: admin });
      expect(response.statusCode, url).toBe(200);
      const page: { items: { name: string }[]; nextCursor: string | null } = response.json();
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('keeps the contacts folded onto their customer when contacts are added, changed or moved', async () => {
    const [from, to] = (await t.request('GET', '/api/customers?limit=2', { as: admin })).json().items;
    const contact = (
      await t.request('POST', '/api/contacts', { as: admin, body: { customerId: from.id, name: '欧阳修远' } })
    ).json();
    // cap 0 sends the term to the walk's condition, which reads only the folded columns.
    expect(await search('欧阳修远', 0)).toEqual([from.name]);
    expect(await search('欧阳', 0)).toEqual([from.name]);
    const renamed = await t.request('PATCH', `/api/contacts/${contact.id}`, {
      as: admin,
      headers: { 'if-match': `"${contact.version}"` },
      body: { name: '司马光远' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await search('欧阳修远', 0)).toEqual([]);
    expect(await search('司马', 0)).toEqual([from.name]);
    const moved = await t.request('PATCH', `/api/contacts/${contact.id}`, {
      as: admin,
      headers: { 'if-match': `"${renamed.json().version}"` },
      body: { customerId: to.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(await search('司马', 0)).toEqual([to.name]);
    expect(await search('司马')).toEqual([to.name]);
  });

  it("keeps every live customer's search keys as its texts and contacts change, and none once merged", async () => {
    // The keys the table holds, against the keys the customers' texts give now.
    const drift = () =>
      queryRows<{ id: string }>(
        t.db,
        sql`select coalesce(c.id, s.customer_id) as id
              from (select c.org_id, c.id, k from customers c,
                           unnest(berth_customer_search_keys(c.merged_into_id, c.search_text, c.contact_search_text,
                                    c.contact_personal_text, c.search_grams, c.contact_search_grams)) k
                     where c.org_id = ${orgId}) c
              full join (select * from customer_search_keys where org_id = ${orgId}) s
                on s.org_id = c.org_id and s.customer_id = c.id and s.key = c.k
             where c.id is null or s.customer_id is null`,
      );
    const keysOf = async (id: string) =>
      (
        await queryRows<{ key: string }>(
          t.db,
          sql`select key from customer_search_keys where org_id = ${orgId} and customer_id = ${id} order by key`,
        )
      ).map((r) => r.key);
    expect(await drift()).toEqual([]);
    const [first] = (await t.request('GET', '/api/customers?limit=1', { as: admin })).json().items;
    expect(await keysOf(first.id)).toContain('厦门');
    expect(await keysOf(first.id)).not.toContain('公司');
    const contact = (
      await t.request('POST', '/api/contacts', { as: admin, body: { customerId: first.id, name: '诸葛亮' } })
    ).json();
    expect(await keysOf(first.id)).toContain('诸葛');
    const ctx = { ...systemCtx(t.db, orgId), userId: admin.me.user.id, permissions: fullPermissions() };
    const found = async (term: string) =>
      (await findCustomers(ctx, { limit: 10, q: term } as never)).items.map((c) => c.id);
    expect(await found('诸葛亮')).toEqual([first.id]);
    const renamed = await t.request('PATCH', `/api/contacts/${contact.id}`, {
      as: admin,
      headers: { 'if-match': `"${contact.version}"` },
      body: { name: '公孙胜' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await keysOf(first.id)).not.toContain('诸葛');
    expect(await found('诸葛亮')).toEqual([]);
    expect(await found('公孙胜')).toEqual([first.id]);
    // Merged away (the merge marks the record): its keys go; restored, they come back.
    await t.db.execute(sql`update customers set merged_into_id = id where org_id = ${orgId} and id = ${first.id}`);
    expect(await keysOf(first.id)).toEqual([]);
    await t.db.execute(sql`update customers set merged_into_id = null where org_id = ${orgId} and id = ${first.id}`);
    expect(await drift()).toEqual([]);
  });

  it('writes the keys of a large insert statement, also when a key of a new customer is there already', async () => {
    // A statement of 100 customers or more inserts its keys without ON CONFLICT, and falls back to it on a conflict.
    const other = (await anOrganisation(t, { name: '键测试' })).id;
    const insert = (from: number, ids: string) =>
      t.db.execute(sql`insert into customers (org_id, id, code, name, name_key, search_text, trade_profile, billing)
                       select ${other}, id, 'K' || g, '宁波键' || g || '号有限公司', '宁波键' || g || '号',
                              'k' || g || ' | 宁波键' || g || '号有限公司 | 宁波键' || g || '号', '{}', '{}'
                         from (select g, coalesce((${ids}::uuid[])[g - ${from} + 1], berth_uuidv7()) as id
                                 from generate_series(${from}::int, ${from + 119}::int) g) s`);
    const drift = () =>
      queryRows<{ n: number | string }>(
        t.db,
        sql`select count(*) as n
              from (select c.org_id, c.id, k from customers c,
                           unnest(berth_customer_search_keys(c.merged_into_id, c.search_text, c.contact_search_text,
                                    c.contact_personal_text, c.search_grams, c.contact_search_grams)) k
                     where c.org_id = ${other}) c
              full join (select * from customer_search_keys where org_id = ${other}) s
                on s.org_id = c.org_id and s.customer_id = c.id and s.key = c.k
             where c.id is null or s.customer_id is null`,
      );
    await insert(1, '{}');
    expect(Number((await drift())[0]?.n)).toBe(0);
    // A key written with the triggers off for a customer that is inserted next.
    const [stale] = await queryRows<{ id: string }>(t.db, sql`select berth_uuidv7() as id`);
    await t.db.execute(
      sql`insert into customer_search_keys (org_id, key, customer_id) values (${other}, '宁波', ${stale?.id})`,
    );
    await insert(200, `{${stale?.id}}`);
    expect(Number((await drift())[0]?.n)).toBe(0);
    const [count] = await queryRows<{ n: number | string }>(
      t.db,
      sql`select count(*) as n from customers where org_id = ${other}`,
    );
    expect(Number(count?.n)).toBe(240);
  });

  it('makes the same two-character grams as the query of migration 0011 did, for every kind of text', async () => {
    const texts: [string | null, string | null][] = [
      [null, null],
      ['', ''],
      [' ', ' '],
      ['a', 'a'],
      ['  a  b ', ' | a | | b |'],
      ['A B\tC\nD', 'AB|CD||  EF  '],
      ['上海', '上 海|上海'],
      ['宁波远洋国际物流', 'c000001 | 宁波远洋国际物流有限公司 | ningboyuanyang | nbyy | 13900000000'],
      ['ÄÖÜ ÉÈ', 'ÀÁ ÂÃ'],
      ['😀😁x', '😀😁 | 😀'],
      ['e\u0301e\u0301', 'e\u0301x'],
      ['\u00a0ab\u3000cd', 'x\u00a0y\u3000zz'],
      ['|||', 'a|b'],
      ['x'.repeat(300), `${'ab '.repeat(200)}|${'中文 '.repeat(50)}`],
      ['ab', null],
      [null, 'ab'],
    ];
    const values = texts.map(([name, text]) => sql`(${name}::text, ${text}::text)`);
    const rows = await queryRows<{ now: string[]; before: string[] }>(
      t.db,
      sql`select berth_search_grams(v.name, v.text) as now,
                 (select coalesce(array_agg(distinct g), '{}'::text[])
                    from (select substr(k, i, 2) as g
                            from (select lower(regexp_replace(coalesce(v.name, ''), '\\s+', '', 'g')) as k) s,
                                 generate_series(1, length(k) - 1) as i
                          union all
                          select left(w, 2) from regexp_split_to_table(lower(coalesce(v.text, '')), '[\\s|]+') as w) grams
                   where length(g) = 2) as before
            from (values ${sql.join(values, sql`, `)}) as v(name, text)`,
    );
    expect(rows).toHaveLength(texts.length);
    for (const row of rows) expect(row.now).toEqual(row.before);
    expect(rows[6]?.now).toEqual(['上海']);
    expect(rows[4]?.now).toEqual(['ab']);
  });

  it('sorts the list and a search by name or code either way, page by page', async () => {
    // Names sort as Chinese users read them, by pinyin (宁波 ningbo before 青岛 qingdao before 上海
    // shanghai), not by code point (上 U+4E0A would come first).
    const byName = [names[0], names[3], names[1], names[4], names[2]] as string[];
    expect(await pages('sort=name')).toEqual(byName);
    expect(await pages('sort=-name')).toEqual([...byName].reverse());
    expect(await pages('sort=code')).toEqual(names);
    expect(await pages('sort=-code')).toEqual([...names].reverse());
    expect(await pages('sort=createdAt')).toEqual(names);
    expect(await pages('q=远洋&sort=name')).toEqual(byName.filter((n) => n.includes('远洋')));
    expect(await pages('q=张伟&sort=-code')).toEqual([names[3], names[1]]);
    // A sorted search answers the same records as the list, field for field.
    const sorted = (await t.request('GET', '/api/customers?q=远洋&sort=name', { as: admin })).json().items;
    const newest = (await t.request('GET', '/api/customers?q=远洋', { as: admin })).json().items;
    const byId = (items: { id: string }[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(sorted)).toEqual(byId(newest));
    const bad = await t.request('GET', '/api/customers?sort=password', { as: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('sort');
  });
});
