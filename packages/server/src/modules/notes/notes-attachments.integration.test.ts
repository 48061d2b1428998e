import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';
import { outbox } from '../../db/schema';

type Rep = Session & { id: string; email: string };

const pdfBytes = Buffer.concat([
  Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256)),
  Buffer.from('\n%%EOF\n'),
]);
const pngBytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const exeBytes = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 0)]);

async function upload(
  t: TestApp,
  as: Session,
  customerId: string,
  file: { bytes: Buffer; name: string; type?: string },
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return t.app.inject({
    method: 'POST',
    url: `/api/customers/${customerId}/attachments`,
    payload: form as never,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
  });
}

describe('notes, mentions, attachments, notifications and the timeline', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let team: string;
  let repA: Rep;
  let repB: Rep;
  let manager: Rep;
  let service: Rep;
  let customerId: string;
  let otherCustomerId: string;

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_LIMIT_BYTES: String(64 * 1024) });
    ({ admin, make } = await anOrganisation(t, { name: '备注货代 Notes Forwarding' }));
    team = (await make.team({ name: '华南销售' })).id;
    repA = await make.user('sales_rep', { teamId: team, name: '李雷' });
    repB = await make.user('sales_rep', { teamId: team, name: '韩梅梅' });
    manager = await make.user('sales_manager', { teamId: team, name: '王经理' });
    service = await make.user('customer_service', { name: '客服小张' });
    customerId = (await make.customer({ name: '深圳远航物流有限公司', ownerId: repA.id })).id;
    otherCustomerId = (await make.customer({ name: 'Other Freight Ltd', ownerId: repB.id })).id;
  });
  afterAll(() => t.close());

  it('creates, lists, edits (If-Match → 412) and deletes notes; only the author edits', async () => {
    // A customer of its own: the list below holds this test's note alone.
    const customerId = (await make.customer({ name: '深圳远航物流有限公司', ownerId: repA.id })).id;
    const before = (await t.request('GET', `/api/customers/${customerId}`, { as: admin })).json();
    const created = await t.request('POST', `/api/customers/${customerId}/notes`, {
      as: repA,
      body: { body: '  客户下周要一个 上海→汉堡 的报价  ' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const note = created.json();
    expect(note).toMatchObject({ body: '客户下周要一个 上海→汉堡 的报价', authorId: repA.id, authorName: '李雷' });
    expect(note.canUpdate).toBe(true);
    expect(created.headers.etag).toBe('"1"');

    // A follow-up for the pool rules, without a new customer version.
    const after = (await t.request('GET', `/api/customers/${customerId}`, { as: admin })).json();
    expect(after.version).toBe(before.version);
    const [row] = await queryRows<{ last_follow_up_at: Date | null }>(
      t.db,
      sql`select last_follow_up_at from customers where id = ${customerId}`,
    );
    expect(row?.last_follow_up_at).not.toBeNull();

    const list = (await t.request('GET', `/api/customers/${customerId}/notes`, { as: manager })).json();
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([note.id]);
    expect(list.items[0].canUpdate).toBe(false);
    expect(list.items[0].canDelete).toBe(true);

    const edited = await t.request('PATCH', `/api/notes/${note.id}`, {
      as: repA,
      body: { body: '改为 上海→鹿特丹' },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: '改为 上海→鹿特丹', version: 2 });
    const stale = await t.request('PATCH', `/api/notes/${note.id}`, {
      as: repA,
      body: { body: 'stale' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('conflict.version');

    // The manager can read it but did not write it.
    const notAuthor = await t.request('PATCH', `/api/notes/${note.id}`, {
      headers: { 'if-match': '*' },
      as: manager,
      body: { body: 'mine now' },
    });
    expect(notAuthor.statusCode).toBe(403);

    const tooLong = await t.request('POST', `/api/customers/${customerId}/notes`, {
      as: repA,
      body: { body: 'x'.repeat(5001) },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('body');

    const removed = await t.request('DELETE', `/api/notes/${note.id}`, { as: repA, headers: { 'if-match': '"2"' } });
    expect(removed.statusCode).toBe(204);
    expect((await t.request('GET', `/api/customers/${customerId}/notes`, { as: repA })).json().items).toEqual([]);
    expect(
      (
        await t.request('PATCH', `/api/notes/${note.id}`, {
          headers: { 'if-match': '*' },
          as: repA,
          body: { body: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('answers 404 for notes of a customer out of scope', async () => {
    expect((await t.request('GET', `/api/customers/${customerId}/notes`, { as: repB })).statusCode).toBe(404);
    const post = await t.request('POST', `/api/customers/${customerId}/notes`, { as: repB, body: { body: 'hi' } });
    expect(post.statusCode).toBe(404);
    const note = (
      await t.request('POST', `/api/customers/${customerId}/notes`, { as: repA, body: { body: 'private' } })
    ).json();
    expect(
      (
        await t.request('PATCH', `/api/notes/${note.id}`, {
          headers: { 'if-match': '*' },
          as: repB,
          body: { body: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request('DELETE', `/api/notes/${note.id}`, { as: repB })).statusCode).toBe(404);
  });

  it('notifies mentioned colleagues in-app and by email; only those who can see the customer', async () => {
    const mentionable = (
      await t.request('GET', `/api/customers/${customerId}/mentionable-users?q=`, { as: repA })
    ).json().items as { id: string; name: string }[];
    const ids = mentionable.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([manager.id, service.id]));
    expect(ids).not.toContain(repB.id);
    expect(ids).not.toContain(repA.id);
    // Chinese names are found by pinyin and by initials, not only by the characters typed.
    const found = async (q: string) =>
      (
        (
          await t.request('GET', `/api/customers/${customerId}/mentionable-users?q=${encodeURIComponent(q)}`, {
            as: repA,
          })
        ).json().items as { name: string }[]
      ).map((u) => u.name);
    expect(await found('wangjing')).toEqual(['王经理']);
    expect(await found('kfxz')).toEqual(['客服小张']);
    expect(await found('王')).toEqual(['王经理']);
    expect(await found('hanmei')).toEqual([]);

    const refused = await t.request('POST', `/api/customers/${customerId}/notes`, {
      as: repA,
      body: { body: '@韩梅梅 看一下', mentions: [repB.id] },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'mentions.0', code: 'note.mention_not_allowed' });
    const stranger = await t.request('POST', `/api/customers/${customerId}/notes`, {
      as: repA,
      body: { body: 'x', mentions: ['00000000-0000-7000-8000-000000000000'] },
    });
    expect(stranger.statusCode).toBe(422);

    const created = await t.request('POST', `/api/customers/${customerId}/notes`, {
      as: repA,
      body: { body: '@王经理 @客服小张 请确认账期', mentions: [manager.id, service.id] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().mentions).toEqual(
      expect.arrayContaining([
        { id: manager.id, name: '王经理' },
        { id: service.id, name: '客服小张' },
      ]),
    );

    const count = await t.request('GET', '/api/notifications/unread-count', { as: manager });
    expect(count.json()).toEqual({ count: 1 });
    const zh = (await t.request('GET', '/api/notifications', { as: manager })).json();
    expect(zh.items[0]).toMatchObject({
      kind: 'note.mention',
      title: '李雷 在 深圳远航物流有限公司 的备注中提到了你',
      body: '@王经理 @客服小张 请确认账期',
      subjectType: 'customer',
      subjectId: customerId,
      readAt: null,
    });
    const en = (
      await t.request('GET', '/api/notifications', { as: manager, headers: { 'accept-language': 'en' } })
    ).json();
    expect(en.items[0].title).toBe('李雷 mentioned you in a note on 深圳远航物流有限公司');

    const mails = await t.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.orgId, admin.me.organization.id), eq(outbox.recipient, manager.email)));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('提到了你');

    // Adding a mention on edit notifies only the newcomer.
    const note = created.json();
    const other = await make.user('operations', { name: '操作小王' });
    const edited = await t.request('PATCH', `/api/notes/${note.id}`, {
      headers: { 'if-match': '*' },
      as: repA,
      body: { mentions: [manager.id, service.id, other.id] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await t.request('GET', '/api/notifications/unread-count', { as: manager })).json().count).toBe(1);
    expect((await t.request('GET', '/api/notifications/unread-count', { as: other })).json().count).toBe(1);
  });

  it('shows notifications only to their user and marks them read', async () => {
    // Colleagues of its own, mentioned once, rather than the mentions of the test before.
    const manager = await make.user('sales_manager', { teamId: team, name: '王经理' });
    const service = await make.user('customer_service', { name: '客服小张' });
    await make.as(repA).note({ customerId, body: '@王经理 @客服小张 请确认账期', mentions: [manager.id, service.id] });
    const mine = (await t.request('GET', '/api/notifications?unread=true', { as: service })).json();
    expect(mine.items).toHaveLength(1);
    const id = mine.items[0].id;
    // Nobody else sees, reads or counts it — not even an administrator.
    expect((await t.request('GET', '/api/notifications', { as: admin })).json().items).toEqual([]);
    expect((await t.request('POST', `/api/notifications/${id}/read`, { as: admin })).statusCode).toBe(404);
    expect((await t.request('POST', `/api/notifications/${id}/read`, { as: manager })).statusCode).toBe(404);

    const read = await t.request('POST', `/api/notifications/${id}/read`, { as: service });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await t.request('GET', '/api/notifications?unread=true', { as: service })).json().items).toEqual([]);
    expect((await t.request('GET', '/api/notifications', { as: service })).json().items).toHaveLength(1);

    const all = await t.request('POST', '/api/notifications/read-all', { as: manager });
    expect(all.json()).toEqual({ updated: 1 });
    expect((await t.request('GET', '/api/notifications/unread-count', { as: manager })).json()).toEqual({ count: 0 });
  });

  it('uploads and downloads an attachment byte for byte, with safe headers', async () => {
    const name = '../../etc/合同 "2026";v1.pdf';
    const created = await upload(
      t,
      repA,
      customerId,
      { bytes: pdfBytes, name, type: 'image/png' },
      {
        kind: 'contract',
        description: '年度合同',
      },
    );
    expect(created.statusCode, created.body).toBe(201);
    const attachment = created.json();
    expect(attachment).toMatchObject({
      kind: 'contract',
      fileName: '合同 "2026";v1.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdfBytes.length,
      description: '年度合同',
      uploadedBy: repA.id,
      uploaderName: '李雷',
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);

    const list = (await t.request('GET', `/api/customers/${customerId}/attachments`, { as: repA })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([attachment.id]);

    const download = await t.request('GET', `/api/attachments/${attachment.id}/content`, { as: service });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdfBytes)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition.startsWith('inline; ')).toBe(true);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('合同 "2026";v1.pdf')}`);
    // The plain fallback cannot close the quoted string or start a new parameter.
    expect(disposition).toMatch(/filename="[^"\\;]*";/);
    expect(disposition).not.toContain('..');

    const png = await upload(
      t,
      repA,
      customerId,
      { bytes: pngBytes, name: 'licence.PNG' },
      { kind: 'business_licence' },
    );
    expect(png.statusCode, png.body).toBe(201);
    const text = await upload(t, repA, customerId, { bytes: Buffer.from('名称,电话\n远航,123\n'), name: 'list.csv' });
    expect(text.statusCode, text.body).toBe(201);
    const csv = await t.request('GET', `/api/attachments/${text.json().id}/content`, { as: repA });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition']).startsWith('attachment; ')).toBe(true);

    // Out of scope: neither listed nor downloadable.
    expect((await t.request('GET', `/api/customers/${customerId}/attachments`, { as: repB })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/attachments/${attachment.id}/content`, { as: repB })).statusCode).toBe(404);
    expect((await upload(t, repB, customerId, { bytes: pdfBytes, name: 'a.pdf' })).statusCode).toBe(404);

    // Sales reps may not delete attachments; their manager may.
    expect((await t.request('DELETE', `/api/attachments/${attachment.id}`, { as: repA })).statusCode).toBe(403);
    const removed = await t.request('DELETE', `/api/attachments/${attachment.id}`, { as: manager });
    expect(removed.statusCode).toBe(204);
    expect((await t.request('GET', `/api/attachments/${attachment.id}/content`, { as: repA })).statusCode).toBe(404);
    const [left] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from attachment_contents where attachment_id = ${attachment.id}`,
    );
    expect(Number(left?.n)).toBe(0);
  });

  it('refuses files over the limit (413), renamed programs and unknown types (415)', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64 * 1024, 0x41)]);
    const tooLarge = await upload(t, repA, customerId, { bytes: big, name: 'big.pdf' });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('attachment.too_large');

    const renamed = await upload(t, repA, customerId, {
      bytes: exeBytes,
      name: '营业执照.pdf',
      type: 'application/pdf',
    });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ code: 'attachment.type_mismatch' });
    const exe = await upload(t, repA, customerId, { bytes: exeBytes, name: 'setup.exe' });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('attachment.type_unsupported');
    const pngAsPdf = await upload(t, repA, customerId, { bytes: pngBytes, name: 'scan.pdf' });
    expect(pngAsPdf.statusCode).toBe(415);
    const binaryTxt = await upload(t, repA, customerId, { bytes: exeBytes, name: 'readme.txt' });
    expect(binaryTxt.statusCode).toBe(415);

    const badKind = await upload(t, repA, customerId, { bytes: pdfBytes, name: 'a.pdf' }, { kind: 'passport' });
    expect(badKind.statusCode).toBe(422);
    expect(badKind.json().errors[0].field).toBe('kind');
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from attachments where file_name in ('big.pdf', '营业执照.pdf', 'setup.exe')`,
    );
    expect(Number(row?.n)).toBe(0);
  });

  it('puts notes and attachments on the timeline, one keyset page at a time', async () => {
    // A note and an attachment deleted on the first customer, for the deletions looked for below.
    const note = await make.as(repA).note({ customerId, body: '将删除的备注' });
    await t.request('DELETE', `/api/notes/${note.id}`, { as: repA, headers: { 'if-match': '"1"' } });
    const file = (await upload(t, repA, customerId, { bytes: pdfBytes, name: 'gone.pdf' })).json();
    await t.request('DELETE', `/api/attachments/${file.id}`, { as: manager });
    for (let i = 0; i < 5; i++) {
      await t.request('POST', `/api/customers/${otherCustomerId}/notes`, { as: repB, body: { body: `跟进 ${i}` } });
    }
    await upload(t, repB, otherCustomerId, { bytes: pdfBytes, name: 'quote.pdf' });
    const seen: { id: string; kind: string; action: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/customers/${otherCustomerId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request('GET', url, { as: repB })).json();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThan(3);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(seen.map((e) => e.id)).toEqual([...seen.map((e) => e.id)].sort().reverse());
    expect(seen.filter((e) => e.kind === 'note')).toHaveLength(5);
    expect(seen.filter((e) => e.kind === 'attachment')).toHaveLength(1);
    expect(seen.at(-1)?.kind).toBe('customer_change');

    // A deleted note shows as a deletion on the timeline of the first customer.
    const timeline = (await t.request('GET', `/api/customers/${customerId}/timeline?limit=200`, { as: repA })).json();
    expect(
      timeline.items.some((e: { kind: string; action: string }) => e.kind === 'note' && e.action === 'delete'),
    ).toBe(true);
    expect(
      timeline.items.filter((e: { kind: string }) => e.kind === 'attachment').map((e: { action: string }) => e.action),
    ).toContain('delete');
    const bad = await t.request('GET', `/api/customers/${customerId}/timeline?cursor=nonsense`, { as: repA });
    expect(bad.statusCode).toBe(422);
  });
});
