import { fixedClock } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { runJob, storage } from '../../../test/storage';
import { opportunities } from './tables';

const { tasks } = storage;
const day = 86_400_000;

describe('titles the product makes are read in the reader’s language', () => {
  let t: TestApp;
  let make: Factories;
  let orgId: string;
  let rep: Session & { id: string };
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp();
    let admin: Session;
    ({ admin, make } = await anOrganisation(t, { name: '标题货代 Title Forwarding' }));
    orgId = admin.me.organization.id;
    const team = (await make.team({ name: '华南销售部' })).id;
    rep = await make.user('sales_rep', { teamId: team, name: '陈晨' });
    customer = (await make.customer({ name: '厦门海顺贸易有限公司', ownerId: rep.id, teamId: team })).id;
  });
  afterAll(() => t.close());

  const read = (url: string, locale: 'zh-CN' | 'en') =>
    t.request('GET', url, { as: rep, headers: { 'accept-language': locale } }).then((r) => r.json());
  const taskOf = async (opportunityId: string) =>
    (
      await t.db
        .select()
        .from(tasks)
        .where(and(eq(tasks.orgId, orgId), eq(tasks.relatedId, opportunityId)))
    )[0];

  it('shows an inquiry’s opportunity and its next-step task in English and Chinese, until someone renames them', async () => {
    const logged = await t.request('POST', '/api/inquiries', {
      as: rep,
      body: { customerId: customer, pol: 'CNXMN', pod: 'DEHAM', mode: 'air' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const id = logged.json().opportunityId as string;
    const [stored] = await t.db.select().from(opportunities).where(eq(opportunities.id, id));
    // Stored in Chinese, as before, so search finds it.
    expect(stored?.title).toBe('CNXMN→DEHAM 空运 询价');
    expect((await read(`/api/opportunities/${id}`, 'en')).title).toBe('CNXMN→DEHAM Air inquiry');
    expect((await read(`/api/opportunities/${id}`, 'zh-CN')).title).toBe('CNXMN→DEHAM 空运 询价');
    const listed = await read(`/api/opportunities?q=${encodeURIComponent('询价')}&owner=me`, 'en');
    expect(listed.items.find((o: { id: string }) => o.id === id)?.title).toBe('CNXMN→DEHAM Air inquiry');

    // Two quiet days in the inquiry stage: the default rule makes a task for the owner.
    const entered = new Date(stored?.stageEnteredAt ?? 0).getTime();
    await runJob(t, 'sales.next-steps', fixedClock(new Date(entered + 2 * day)));
    const task = await taskOf(id);
    expect(task?.title).toBe('跟进商机 CNXMN→DEHAM 空运 询价（2 天无活动）');
    expect((await read(`/api/tasks/${task?.id}`, 'en')).title).toBe(
      'Follow up on CNXMN→DEHAM Air inquiry (no activity for 2 days)',
    );
    expect((await read(`/api/tasks/${task?.id}`, 'zh-CN')).title).toBe('跟进商机 CNXMN→DEHAM 空运 询价（2 天无活动）');

    // A form that sends the title back as read changes nothing; a new title is kept as typed.
    const sameTask = await t.request('PATCH', `/api/tasks/${task?.id}`, {
      as: rep,
      headers: { 'accept-language': 'en', 'if-match': `"${task?.version}"` },
      body: { title: 'Follow up on CNXMN→DEHAM Air inquiry (no activity for 2 days)', priority: 'high' },
    });
    expect(sameTask.statusCode, sameTask.body).toBe(200);
    expect((await read(`/api/tasks/${task?.id}`, 'zh-CN')).title).toBe('跟进商机 CNXMN→DEHAM 空运 询价（2 天无活动）');
    const renamedTask = await t.request('PATCH', `/api/tasks/${task?.id}`, {
      as: rep,
      headers: { 'accept-language': 'en', 'if-match': `"${sameTask.json().version}"` },
      body: { title: 'Call Mr Huang about the air rates' },
    });
    expect(renamedTask.statusCode, renamedTask.body).toBe(200);
    expect((await read(`/api/tasks/${task?.id}`, 'zh-CN')).title).toBe('Call Mr Huang about the air rates');
    expect((await taskOf(id))?.titleParts).toBeNull();

    const opportunity = await read(`/api/opportunities/${id}`, 'en');
    const renamed = await t.request('PATCH', `/api/opportunities/${id}`, {
      as: rep,
      headers: { 'accept-language': 'en', 'if-match': `"${opportunity.version}"` },
      body: { title: '厦门—汉堡 空运 月度合同' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await read(`/api/opportunities/${id}`, 'en')).title).toBe('厦门—汉堡 空运 月度合同');
    expect((await read(`/api/opportunities/${id}`, 'zh-CN')).title).toBe('厦门—汉堡 空运 月度合同');
  });
});
