import { fixedClock } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from './factories';
import { type Session, startTestApp, type TestApp } from './harness';
import { runJob, storage } from './storage';

const { opportunities, tasks } = storage;
const day = 86_400_000;
type Locale = 'zh-CN' | 'en';

const inquiry: Record<Locale, string> = { 'zh-CN': 'CNNGB→USLAX 空运 询价', en: 'CNNGB→USLAX Air inquiry' };
const nextStep: Record<Locale, string> = {
  'zh-CN': `跟进商机 ${inquiry['zh-CN']}（2 天无活动）`,
  en: `Follow up on ${inquiry.en} (no activity for 2 days)`,
};

describe('a title the product made reads in the reader’s language on every path that shows it', () => {
  let t: TestApp;
  let make: Factories;
  let admin: Session;
  let rep: Session & { id: string };
  let opportunityId: string;
  let nextStepTaskId: string;
  let typedTaskId: string;
  let customer: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '标题全程货代 Titles Everywhere' }));
    const orgId = admin.me.organization.id;
    rep = await make.user('sales_rep', { name: '周敏' });
    customer = (await make.customer({ name: '宁波港通国际物流有限公司', ownerId: rep.id })).id;
    // The administrator logs it (in Chinese), so the owner is notified.
    const logged = await t.request('POST', '/api/inquiries', {
      as: admin,
      headers: { 'accept-language': 'zh-CN' },
      body: { customerId: customer, pol: 'CNNGB', pod: 'USLAX', mode: 'air' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    opportunityId = logged.json().opportunityId;
    const [stored] = await t.db.select().from(opportunities).where(eq(opportunities.id, opportunityId));
    expect(stored?.title).toBe(inquiry['zh-CN']);

    const entered = new Date(stored?.stageEnteredAt ?? 0).getTime();
    await runJob(t, 'sales.next-steps', fixedClock(new Date(entered + 2 * day)));
    const [made] = await t.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.orgId, orgId), eq(tasks.relatedId, opportunityId), eq(tasks.source, 'rule')));
    nextStepTaskId = made?.id as string;
    expect(made?.title).toBe(nextStep['zh-CN']);
    // Due later today, so the home card shows it.
    await t.db
      .update(tasks)
      .set({ dueAt: new Date(Date.now() + 60_000) })
      .where(eq(tasks.id, nextStepTaskId));

    const typed = await t.request('POST', '/api/tasks', {
      as: rep,
      body: {
        title: '发送运价 Send the rates',
        dueAt: new Date(Date.now() + 120_000).toISOString(),
        related: { type: 'opportunity', id: opportunityId },
      },
    });
    expect(typed.statusCode, typed.body).toBe(201);
    typedTaskId = typed.json().id;
    await runJob(t, 'tasks.reminders', fixedClock(new Date(Date.now() + 180_000)));
  });
  afterAll(() => t?.close());

  const get = async (as: Session, url: string, locale: Locale) => {
    const answer = await t.request('GET', url, { as, headers: { 'accept-language': locale } });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer;
  };

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`in ${locale}: notifications, search, audit log, related names, home cards, calendar and activities`, async () => {
      const notes = (await get(rep, '/api/notifications', locale)).json().items as { title: string; body: string }[];
      const texts = notes.map((n) => `${n.title}\n${n.body}`).join('\n');
      // The inquiry (body names the opportunity), the next step (title and body) and the reminder (about: the opportunity).
      expect(notes).toHaveLength(3);
      expect(texts.split(inquiry[locale]).length - 1).toBe(4);
      expect(texts).toContain(nextStep[locale]);
      expect(texts).not.toContain(locale === 'en' ? '询价' : 'inquiry');

      const search = (await get(rep, '/api/search?q=USLAX', locale)).json();
      const hits = search.groups.find((g: { kind: string }) => g.kind === 'opportunity').items;
      expect(hits.map((h: { title: string }) => h.title)).toEqual([inquiry[locale]]);

      const named = async (entity: string, id: string) =>
        (
          (await get(admin, `/api/audit?entity=${entity}`, locale)).json().items as {
            entityId: string;
            entityName: string;
          }[]
        ).find((e) => e.entityId === id)?.entityName;
      expect(await named('opportunities', opportunityId)).toBe(inquiry[locale]);
      expect(await named('tasks', nextStepTaskId)).toBe(nextStep[locale]);

      const listed = (await get(rep, '/api/tasks?limit=50', locale)).json().items as {
        id: string;
        title: string;
        related: { name: string };
      }[];
      expect(listed.find((x) => x.id === typedTaskId)?.related.name).toBe(inquiry[locale]);
      expect(listed.find((x) => x.id === nextStepTaskId)?.related.name).toBe(inquiry[locale]);

      const home = (await get(rep, '/api/home/tasks', locale)).json();
      const homeItems = [...home.overdue.items, ...home.today.items];
      expect(homeItems.find((x: { id: string }) => x.id === nextStepTaskId)).toMatchObject({
        title: nextStep[locale],
        related: { name: inquiry[locale] },
      });
      const waiting = (await get(rep, '/api/home/inquiries', locale)).json();
      expect(waiting.items.map((x: { title: string }) => x.title)).toEqual([inquiry[locale]]);

      const from = new Date(Date.now() - day).toISOString();
      const to = new Date(Date.now() + 5 * day).toISOString();
      const calendar = (await get(rep, `/api/calendar/items?from=${from}&to=${to}`, locale)).json().items;
      expect(calendar.find((x: { id: string }) => x.id === nextStepTaskId)?.title).toBe(nextStep[locale]);
    });

    it(`the calendar feed speaks its owner’s language (${locale})`, async () => {
      const changed = await t.request('PATCH', '/api/me', { as: rep, body: { locale } });
      expect(changed.statusCode, changed.body).toBe(200);
      const url = new URL((await t.request('POST', '/api/calendar/feed', { as: rep })).json().url);
      // The feed is read without a language of its own: the owner's decides.
      const ics = (await t.request('GET', url.pathname, { headers: { 'accept-language': 'zh-CN' } })).body.replace(
        /\r\n[ \t]/g,
        '',
      );
      expect(ics).toContain(nextStep[locale]);
      expect(ics).toContain(`${locale === 'en' ? 'Task' : '任务'}: 发送运价 Send the rates`);
      expect(ics.split(inquiry[locale]).length - 1).toBeGreaterThanOrEqual(3);
    });
  }

  it('names the opportunity of an activity in the reader’s language (last: an activity ends the wait)', async () => {
    const logged = await t.request('POST', '/api/activities', {
      as: rep,
      body: {
        kind: 'call',
        subject: '电话报价',
        occurredAt: new Date().toISOString(),
        customerId: customer,
        opportunityId,
      },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    for (const locale of ['zh-CN', 'en'] as const) {
      const read = (await get(rep, `/api/activities/${logged.json().id}`, locale)).json();
      expect(read.opportunityTitle).toBe(inquiry[locale]);
    }
  });
});
