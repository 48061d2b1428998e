import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database';
import { type Session, startTestApp, type TestApp } from './harness';

/**
 * Many clients at once: optimistic locking (If-Match) lets exactly one of the writers of a version
 * win, the others get 412 and nothing is overwritten silently; bulk tagging and pool claims keep
 * their invariants under parallel requests. Edits and selections come from fast-check with a fixed seed.
 */
const seed = 7_1201;
const clientCount = 8;

/** A resource edited with If-Match: how to read it, write one edit, and what that edit leaves. */
interface VersionedResource<Edit> {
  name: string;
  read(): Promise<{ version: number; body: Record<string, unknown> }>;
  write(as: Session, version: number, edit: Edit): Promise<LightMyRequestResponse>;
  written(edit: Edit): Record<string, unknown>;
}

describe('concurrent clients', () => {
  let t: TestApp;
  let admin: Session;
  let editors: Session[];
  const tally = { requests: 0, wins: 0, conflicts: 0, serverErrors: 0, lostUpdates: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('并发测试货代');
    editors = [admin];
    for (let i = 1; i < clientCount; i++) editors.push(await t.userWithRole(admin, 'admin', { name: `编辑${i}` }));
  });
  afterAll(async () => {
    await t.close();
    console.info(`concurrency: ${JSON.stringify(tally)}`);
  });

  const send = async (...args: Parameters<TestApp['request']>) => {
    tally.requests++;
    const response = await t.request(...args);
    if (response.statusCode >= 500) tally.serverErrors++;
    return response;
  };

  /**
   * Rounds of editing: in each, every client writes its own edit against the version all of them
   * just read. Exactly one wins (200, next version), the rest get 412, and the stored state is the
   * winner's edit.
   */
  async function editInRounds<Edit>(resource: VersionedResource<Edit>, rounds: Edit[][]) {
    for (const edits of rounds) {
      const before = await resource.read();
      const responses = await Promise.all(
        edits.map((edit, i) => resource.write(editors[i % editors.length] as Session, before.version, edit)),
      );
      const statuses = responses.map((r) => r.statusCode);
      const winners = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
      tally.wins += winners.length;
      tally.conflicts += statuses.filter((s) => s === 412).length;
      // Every success beyond the first on one version overwrote a write its client never saw.
      tally.lostUpdates += Math.max(0, winners.length - 1);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(winners, `${resource.name}: statuses ${statuses.join(',')}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(edits.length - 1);
      const winner = winners[0] as number;
      const won = responses[winner] as LightMyRequestResponse;
      expect(won.json().version).toBe(before.version + 1);
      expect(won.headers.etag).toBe(`"${before.version + 1}"`);
      const after = await resource.read();
      const expected = resource.written(edits[winner] as Edit);
      if (after.version !== before.version + 1 || !matches(after.body, expected)) tally.lostUpdates++;
      expect(after.version).toBe(before.version + 1);
      expect(after.body).toMatchObject(expected);
    }
  }

  /** Rounds of one distinct edit per client, so the stored state tells which write won. */
  const roundsOf = <Edit>(edit: (round: number, client: number, n: number) => Edit) =>
    fc
      .array(fc.array(fc.nat(9999), { minLength: clientCount, maxLength: clientCount }), {
        minLength: 2,
        maxLength: 4,
      })
      .map((rounds) => rounds.map((numbers, round) => numbers.map((n, client) => edit(round, client, n))));

  async function raceProperty<Edit>(
    resource: VersionedResource<Edit>,
    edit: (r: number, c: number, n: number) => Edit,
  ) {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        roundsOf((round, client, n) => edit(run * 10 + round, client, n)),
        async (rounds) => {
          run++;
          await editInRounds(resource, rounds);
        },
      ),
      { seed, numRuns: 3 },
    );
  }

  it('eight clients editing one customer with If-Match: one success per version, the rest 412, no lost update', async () => {
    const created = await send('POST', '/api/customers', { as: admin, body: { name: '上海并发编辑物流有限公司' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await raceProperty<{ address: string; employees: number }>(
      {
        name: 'customer',
        read: async () => {
          const response = await send('GET', `/api/customers/${id}`, { as: admin });
          return { version: response.json().version, body: response.json() };
        },
        write: (as, version, edit) =>
          send('PATCH', `/api/customers/${id}`, { as, body: edit, headers: { 'if-match': `"${version}"` } }),
        written: (edit) => edit,
      },
      (round, client, n) => ({ address: `浦东新区第${round}轮${client}号编辑${n}`, employees: n }),
    );
  });

  it('the same for a contact and a segment', async () => {
    const customer = (
      await send('POST', '/api/customers', { as: admin, body: { name: '宁波并发联系人货运公司' } })
    ).json();
    const contact = await send('POST', '/api/contacts', {
      as: admin,
      body: { customerId: customer.id, name: '王经理' },
    });
    expect(contact.statusCode).toBe(201);
    const contactId = contact.json().id as string;
    await raceProperty<{ title: string; wechat: string }>(
      {
        name: 'contact',
        read: async () => {
          const body = (await send('GET', `/api/contacts/${contactId}`, { as: admin })).json();
          return { version: body.version, body };
        },
        write: (as, version, edit) =>
          send('PATCH', `/api/contacts/${contactId}`, { as, body: edit, headers: { 'if-match': `"${version}"` } }),
        written: (edit) => edit,
      },
      (round, client, n) => ({ title: `第${round}轮经理${client}`, wechat: `wx_${round}_${client}_${n}` }),
    );

    const segment = await send('POST', '/api/segments', { as: admin, body: { name: '并发分组', filters: {} } });
    expect(segment.statusCode).toBe(201);
    const segmentId = segment.json().id as string;
    await raceProperty<{ name: string; description: string }>(
      {
        name: 'segment',
        read: async () => {
          const body = (await send('GET', `/api/segments/${segmentId}`, { as: admin })).json();
          return { version: body.version, body };
        },
        write: (as, version, edit) =>
          send('PATCH', `/api/segments/${segmentId}`, { as, body: edit, headers: { 'if-match': `"${version}"` } }),
        written: (edit) => edit,
      },
      (round, client, n) => ({ name: `分组${round}-${client}`, description: `第${round}轮编辑${n}` }),
    );
  });

  it('the same for the pool rule, including the race to create it (If-Match "0")', async () => {
    const base = {
      enabled: false,
      noFollowUpDays: 30,
      noDealDays: null,
      warnDaysBefore: 3,
      maxClaimedHeld: null,
      maxClaimsPerDay: null,
    };
    expect((await send('GET', '/api/pool/rules', { as: admin })).json().default.version).toBe(0);
    await raceProperty<typeof base & { protectionDays: number }>(
      {
        name: 'pool rule',
        read: async () => {
          const body = (await send('GET', '/api/pool/rules', { as: admin })).json().default;
          return { version: body.version, body };
        },
        write: (as, version, edit) =>
          send('PUT', '/api/pool/rules', { as, body: edit, headers: { 'if-match': `"${version}"` } }),
        written: (edit) => edit,
      },
      (round, client, n) => ({ ...base, protectionDays: (round * 100 + client * 10 + n) % 3000 }),
    );
  });

  it('bulk tagging overlapping selections in parallel: every requested link once, nothing else', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await send('POST', '/api/customers', { as: admin, body: { name: `批量标签客户${i}号公司` } });
      ids.push(created.json().id);
    }
    const tag = async (name: string) => (await send('POST', '/api/tags', { as: admin, body: { name } })).json().id;
    const [a, b, r] = [await tag('重点'), await tag('海运'), await tag('待清理')];
    expect(
      (await send('POST', '/api/customers/bulk-tags', { as: admin, body: { customerIds: ids, add: [r] } })).json(),
    ).toEqual({ updated: 40, skipped: 0 });

    const requests = fc.sample(
      fc.record({
        customerIds: fc.shuffledSubarray(ids, { minLength: 5, maxLength: 25 }),
        add: fc.subarray([a, b]),
        remove: fc.subarray([r]),
      }),
      { seed, numRuns: 12 },
    );
    const responses = await Promise.all(
      requests.map((body, i) =>
        send('POST', '/api/customers/bulk-tags', { as: editors[i % editors.length] as Session, body }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(requests.map(() => 200));
    expect(responses.map((r) => r.json())).toEqual(
      requests.map((q) => ({ updated: q.customerIds.length, skipped: 0 })),
    );

    const selected = (tagId: string, from: 'add' | 'remove') =>
      new Set(requests.filter((q) => q[from].includes(tagId)).flatMap((q) => q.customerIds));
    const expected = new Map(ids.map((id) => [id, new Set<string>()]));
    for (const tagId of [a, b]) for (const id of selected(tagId, 'add')) expected.get(id)?.add(tagId);
    const removed = selected(r, 'remove');
    for (const id of ids) if (!removed.has(id)) expected.get(id)?.add(r);

    const links = await queryRows<{ customer_id: string; tag_id: string; copies: number }>(
      t.db,
      sql`select customer_id, tag_id, count(*)::int as copies from customer_tags
           where org_id = ${admin.me.organization.id} group by customer_id, tag_id`,
    );
    expect(links.filter((l) => l.copies !== 1)).toEqual([]);
    const stored = new Map(ids.map((id) => [id, new Set<string>()]));
    for (const l of links) stored.get(l.customer_id)?.add(l.tag_id);
    expect(stored).toEqual(expected);
    const counts = (await send('GET', '/api/tags', { as: admin })).json().items;
    for (const tagId of [a, b, r]) {
      const count = [...expected.values()].filter((tags) => tags.has(tagId)).length;
      expect(counts.find((x: { id: string }) => x.id === tagId).customerCount).toBe(count);
    }
  });

  it('parallel claims from the pool never exceed the claim limit and claim each customer once', async () => {
    const team = (await send('POST', '/api/teams', { as: admin, body: { name: '并发销售部' } })).json().id as string;
    const owner = await t.userWithRole(admin, 'sales_rep', { teamId: team, name: '原负责人' });
    const reps = [
      await t.userWithRole(admin, 'sales_rep', { teamId: team, name: '甲' }),
      await t.userWithRole(admin, 'sales_rep', { teamId: team, name: '乙' }),
      await t.userWithRole(admin, 'sales_rep', { teamId: team, name: '丙' }),
    ];
    const limit = 3;
    const rule = {
      enabled: false,
      protectionDays: 7,
      noFollowUpDays: 30,
      noDealDays: null,
      warnDaysBefore: 3,
      maxClaimedHeld: limit,
      maxClaimsPerDay: null,
    };
    const saved = await send('PUT', `/api/pool/rules?teamId=${team}`, {
      as: admin,
      body: rule,
      headers: { 'if-match': '"0"' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const pool: string[] = [];
    for (let i = 0; i < 12; i++) {
      const created = await send('POST', '/api/customers', {
        as: admin,
        body: { name: `公海并发客户${i}号公司`, ownerId: owner.id, teamId: team },
      });
      const id = created.json().id as string;
      const released = await send('POST', `/api/customers/${id}/release`, { as: owner, body: { reason: '暂无需求' } });
      expect(released.statusCode, released.body).toBe(200);
      pool.push(id);
    }
    const claim = (as: Session, id: string) => send('POST', `/api/customers/${id}/claim`, { as });
    const orders = fc.sample(fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length }), {
      seed,
      numRuns: reps.length,
    });

    // One rep claims the whole pool at once.
    const first = reps[0] as (typeof reps)[number];
    const alone = await Promise.all((orders[0] as string[]).map((id) => claim(first, id)));
    expect(alone.filter((r) => r.statusCode === 200)).toHaveLength(limit);
    expect(alone.filter((r) => r.statusCode !== 200).map((r) => r.json().code)).toEqual(
      Array(pool.length - limit).fill('pool.claim_limit'),
    );

    // Two reps race for what is left, each over every customer in its own order.
    const racing = reps.slice(1);
    const raced = await Promise.all(
      racing.flatMap((rep, i) =>
        (orders[i + 1] as string[]).map(async (id) => ({ rep, id, response: await claim(rep, id) })),
      ),
    );
    expect(raced.filter((c) => c.response.statusCode >= 500)).toEqual([]);
    for (const c of raced.filter((c) => c.response.statusCode !== 200)) {
      expect(c.response.statusCode).toBe(409);
      expect(['pool.claim_limit', 'pool.not_in_pool']).toContain(c.response.json().code);
    }
    const winsOf = (rep: Session) =>
      raced.filter((c) => c.rep === rep && c.response.statusCode === 200).map((c) => c.id);
    for (const rep of racing) expect(winsOf(rep)).toHaveLength(limit);
    const claimedTwice = pool.filter(
      (id) => raced.filter((c) => c.id === id && c.response.statusCode === 200).length > 1,
    );
    expect(claimedTwice).toEqual([]);

    for (const rep of reps) {
      const quota = (await send('GET', '/api/pool/quota', { as: rep })).json();
      expect(quota).toMatchObject({ maxClaimedHeld: limit, claimedHeld: limit, remaining: 0 });
    }
    const owners = await queryRows<{ owner_id: string | null; held: number; claims: number }>(
      t.db,
      sql`select c.owner_id, count(*)::int as held,
                 sum((select count(*) from ownership_changes oc
                       where oc.org_id = c.org_id and oc.customer_id = c.id and oc.kind = 'claim'))::int as claims
            from customers c
           where c.org_id = ${admin.me.organization.id} and c.id in (${sql.join(
             pool.map((id) => sql`${id}`),
             sql`, `,
           )})
           group by c.owner_id`,
    );
    const byOwner = new Map(owners.map((o) => [o.owner_id, o]));
    for (const rep of reps) expect(byOwner.get(rep.id)).toEqual({ owner_id: rep.id, held: limit, claims: limit });
    expect(byOwner.get(null)).toMatchObject({ held: pool.length - reps.length * limit, claims: 0 });
  });
});

function matches(actual: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v));
}
