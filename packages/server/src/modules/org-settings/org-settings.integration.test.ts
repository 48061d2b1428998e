import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf, storage } from '../../../test/storage';
import { sha256 } from '../../platform/auth/secrets';

const { calendarFeeds } = storage;

type User = Session & { id: string };

describe('organisation settings and time zones', () => {
  let t: TestApp;
  let admin: Session;
  let rep: User;
  let ops: User;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('设置货代 Settings Forwarding');
    rep = await t.userWithRole(admin, 'sales_rep', { name: '销售丙' });
    ops = await t.userWithRole(admin, 'operations', { name: '操作丁' });
    const customer = await t.request('POST', '/api/customers', {
      as: admin,
      body: { name: '厦门海沧国际物流有限公司', ownerId: rep.id, status: 'active' },
    });
    customerId = customer.json().id;
  });
  afterAll(() => t.close());

  const patch = (body: object, version: string | undefined, as: Session = admin) =>
    t.request('PATCH', '/api/org-settings', { as, body, headers: version ? { 'if-match': version } : {} });

  it('starts with CNY, China time, a calendar fiscal year, Monday to Friday and a 24-hour delay rule', async () => {
    const res = await t.request('GET', '/api/org-settings', { as: rep });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      reportingCurrency: 'CNY',
      timeZone: 'Asia/Shanghai',
      fiscalYearStartMonth: 1,
      workingCalendar: { workingWeekdays: [1, 2, 3, 4, 5], holidays: [], workingDays: [] },
      shipmentDelayHours: 24,
      version: 1,
    });
  });

  it('lets only administrators change them, with If-Match, validated and audited', async () => {
    expect((await patch({ reportingCurrency: 'USD' }, '"1"', rep)).statusCode).toBe(403);
    expect((await patch({ reportingCurrency: 'USD' }, undefined)).statusCode).toBe(428);
    const bad = await patch({ timeZone: 'Mars/Olympus', reportingCurrency: 'XYZ' }, '"1"');
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
        .sort(),
    ).toEqual(['reportingCurrency:org_settings.currency_invalid', 'timeZone:org_settings.time_zone_invalid']);
    const calendar = {
      workingWeekdays: [5, 1, 2, 3, 4],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05'],
      workingDays: ['2026-10-10', '2026-09-27'],
    };
    const ok = await patch({ reportingCurrency: 'usd', fiscalYearStartMonth: 4, workingCalendar: calendar }, '"1"');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      reportingCurrency: 'USD',
      fiscalYearStartMonth: 4,
      workingCalendar: { workingWeekdays: [1, 2, 3, 4, 5], workingDays: ['2026-09-27', '2026-10-10'] },
      version: 2,
    });
    expect((await patch({ fiscalYearStartMonth: 7 }, '"1"')).statusCode).toBe(412);
    const both = await patch({ workingCalendar: { ...calendar, workingDays: ['2026-10-01'] } }, '"2"');
    expect(both.json().errors[0]).toMatchObject({ code: 'org_settings.date_in_both_lists' });
    const audit = (await t.request('GET', '/api/audit?entity=org_settings', { as: admin })).json().items;
    expect(audit.find((a: { action: string }) => a.action === 'update').changes).toMatchObject({
      reporting_currency: ['CNY', 'USD'],
      fiscal_year_start_month: [1, 4],
    });
    expect((await t.request('GET', '/api/me', { as: rep })).json().organization).toMatchObject({
      reportingCurrency: 'USD',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('notifies of a shipment delay past the organisation’s threshold, in the owner’s own time zone', async () => {
    const current = (await t.request('GET', '/api/org-settings', { as: admin })).json();
    expect((await patch({ shipmentDelayHours: 72 }, `"${current.version}"`)).statusCode).toBe(200);
    const zone = await t.request('PATCH', '/api/me', { as: rep, body: { timeZone: 'Europe/Berlin' } });
    expect(zone.statusCode, zone.body).toBeLessThan(300);
    expect((await t.request('GET', '/api/me', { as: rep })).json().user.timeZone).toBe('Europe/Berlin');
    expect((await t.request('PATCH', '/api/me', { as: rep, body: { timeZone: 'Nowhere/Land' } })).statusCode).toBe(422);

    const created = await t.request('POST', '/api/shipments/batch', {
      as: ops,
      body: {
        items: [
          {
            source: 'tms',
            externalId: 'JOB-TZ',
            mode: 'FCL',
            pol: 'CNXMN',
            pod: 'DEHAM',
            etd: '2026-12-01T10:00:00+08:00',
            eta: '2026-12-30T08:00:00Z',
            parties: [{ role: 'shipper', customerId }],
          },
        ],
      },
    });
    const id = created.json().items[0].id;
    const eta = (eventId: string, at: string) => ({
      eventId,
      source: 'tms',
      externalId: 'JOB-TZ',
      type: 'eta_changed',
      occurredAt: '2026-12-10T00:00:00Z',
      data: { eta: at },
    });
    const delayed = () => notificationsOf(t, { userId: rep.id, kind: 'shipment.delayed' });
    // 48 hours late: under the organisation's 72.
    await t.request('POST', '/api/shipments/events', {
      as: ops,
      body: { events: [eta('t1', '2027-01-01T08:00:00Z')] },
    });
    expect((await delayed()).filter((n) => n.subjectId === id)).toHaveLength(0);
    // 96 hours late: over it.
    await t.request('POST', '/api/shipments/events', {
      as: ops,
      body: { events: [eta('t2', '2027-01-03T08:00:00Z')] },
    });
    expect((await delayed()).filter((n) => n.subjectId === id)).toHaveLength(1);
    const list = (await t.request('GET', '/api/notifications', { as: rep })).json().items;
    const message = list.find((n: { subjectId: string }) => n.subjectId === id);
    // 08:00 UTC is 09:00 in Berlin in winter, named as such.
    expect(message.body).toContain('2027年1月3日 09:00（Europe/Berlin, UTC+01:00）');
  });

  it('makes calendar feed addresses that name the organisation, and keeps addresses made before working', async () => {
    const created = (await t.request('POST', '/api/calendar/feed', { as: rep })).json();
    const token = new URL(created.url).pathname.replace('/api/calendar/', '').replace(/\.ics$/, '');
    const orgPart = Buffer.from(token.split('.')[0] as string, 'base64url').toString('hex');
    expect(orgPart).toBe(rep.me.organization.id.replaceAll('-', ''));
    const feed = await t.request('GET', `/api/calendar/${token}.ics`);
    expect(feed.statusCode, feed.body).toBe(200);
    // A wrong secret with the right organisation and feed is refused like an unknown feed.
    const forged = `${token.split('.').slice(0, 2).join('.')}.${'x'.repeat(43)}`;
    expect((await t.request('GET', `/api/calendar/${forged}.ics`)).statusCode).toBe(404);

    // An address from before: a bare secret, stored as its hash.
    const legacy = 'L3gacyFeedTokenMadeBeforeOrgIds_abcdefghij';
    await t.db
      .update(calendarFeeds)
      .set({ tokenHash: sha256(legacy) })
      .where(and(eq(calendarFeeds.orgId, rep.me.organization.id), eq(calendarFeeds.userId, rep.id)));
    expect((await t.request('GET', `/api/calendar/${legacy}.ics`)).statusCode).toBe(200);
    await t.request('DELETE', '/api/calendar/feed', { as: rep });
    expect((await t.request('GET', `/api/calendar/${legacy}.ics`)).statusCode).toBe(404);
  });
});
