import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { outbox } from '../../db/schema';
import { systemCtx } from '../../platform/context';
import { queueEmail } from '../../platform/outbox/outbox';

/** A local SMTP server that answers 451 (try again later) to the first `rejectFirst` messages. */
async function startSmtpServer(rejectFirst: number) {
  const received: string[] = [];
  let attempts = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        attempts++;
        if (attempts <= rejectFirst) {
          const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

async function outboxRow(t: TestApp, orgId: string, id: string) {
  const [row] = await t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.id, id)));
  if (!row) throw new Error(`no outbox message ${id}`);
  return row;
}

/** Runs due jobs until the message reaches `status`, waiting between polls for retry delays. */
async function deliverUntil(t: TestApp, orgId: string, id: string, status: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.server.deps.jobs.runDue();
    const row = await outboxRow(t, orgId, id);
    if (row.status === status) return row;
    if (Date.now() > deadline) throw new Error(`message is ${row.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

describe('email delivery through the outbox', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    smtp = await startSmtpServer(2);
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Berth <crm@forwarder.example>' }, { retryBaseMs: 20 });
    admin = await t.setup();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('keeps retrying while the SMTP server answers "try again later", and sends once it accepts', async () => {
    const orgId = admin.me.organization.id;
    const id = await queueEmail(systemCtx(t.db, orgId), {
      to: 'customer@shipper.example',
      subject: 'Your booking is confirmed',
      body: 'Container MSKU1234565 sails on Friday.',
    });
    expect((await outboxRow(t, orgId, id)).status).toBe('pending');

    expect(await t.server.deps.jobs.runDue()).toBe(1);
    const waiting = await outboxRow(t, orgId, id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError).toContain('451');

    const sent = await deliverUntil(t, orgId, id, 'sent');
    expect(smtp.attempts()).toBe(3);
    expect(sent.attempts).toBe(3);
    expect(sent.lastError).toBeNull();
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(smtp.received).toHaveLength(1);
    const message = smtp.received[0] as string;
    expect(message).toContain('Subject: Your booking is confirmed');
    expect(message).toContain('To: customer@shipper.example');
    expect(message).toContain('crm@forwarder.example');
    expect(message).toContain('Container MSKU1234565 sails on Friday.');

    const list = await t.request('GET', '/api/outbox', { as: admin });
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((m: { id: string }) => m.id === id);
    expect(item).toMatchObject({ status: 'sent', attempts: 3, recipient: 'customer@shipper.example', lastError: null });

    // Nothing is sent twice.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await t.server.deps.jobs.runDue();
    expect(smtp.attempts()).toBe(3);
  });
});

describe('the outbox without an SMTP server', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({}, { retryBaseMs: 20 });
    admin = await t.setup();
  });
  afterAll(() => t.close());

  it('holds messages, lists them as held, and lets an administrator queue them again', async () => {
    const orgId = admin.me.organization.id;
    const id = await queueEmail(systemCtx(t.db, orgId), {
      to: 'customer@shipper.example',
      subject: 'Quotation',
      body: 'Please find our rates.',
    });
    const held = await deliverUntil(t, orgId, id, 'held');
    // Stored as a code, not as a sentence in one language.
    expect(JSON.parse(held.lastError as string)).toEqual({ code: 'delivery.smtp_not_configured', params: {} });

    const list = await t.request('GET', '/api/outbox?status=held', { as: admin });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([[id, 'held']]);
    expect((await t.request('GET', '/api/outbox?status=sent', { as: admin })).json().items).toEqual([]);

    const retry = await t.request('POST', `/api/outbox/${id}/retry`, { as: admin });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id, status: 'pending', lastError: null });
    expect((await outboxRow(t, orgId, id)).status).toBe('pending');

    // Still no SMTP server: the new delivery job holds it again.
    await deliverUntil(t, orgId, id, 'held');
  });

  it("renders delivery errors in the reader's language, including rows stored as English sentences", async () => {
    const orgId = admin.me.organization.id;
    const coded = await queueEmail(systemCtx(t.db, orgId), { to: 'c@example.com', subject: 'Coded', body: 'B' });
    await deliverUntil(t, orgId, coded, 'held');
    const legacy = await queueEmail(systemCtx(t.db, orgId), { to: 'l@example.com', subject: 'Legacy', body: 'B' });
    const other = await queueEmail(systemCtx(t.db, orgId), { to: 'o@example.com', subject: 'Other', body: 'B' });
    await deliverUntil(t, orgId, legacy, 'held');
    await deliverUntil(t, orgId, other, 'held');
    // Rows written before errors were codes.
    await t.db.update(outbox).set({ lastError: 'no SMTP server configured' }).where(eq(outbox.id, legacy));
    await t.db
      .update(outbox)
      .set({ status: 'failed', lastError: '550 mailbox unavailable' })
      .where(eq(outbox.id, other));

    const read = async (language: string) => {
      const answer = await t.request('GET', '/api/outbox', { as: admin, headers: { 'accept-language': language } });
      expect(answer.statusCode).toBe(200);
      const items = answer.json().items as Array<{
        id: string;
        lastError: string;
        lastErrorCode: string;
        lastErrorParams: object;
      }>;
      return (id: string) => items.find((item) => item.id === id);
    };
    const zh = await read('zh-CN');
    expect(zh(coded)).toMatchObject({ lastErrorCode: 'delivery.smtp_not_configured', lastErrorParams: {} });
    expect(zh(coded)?.lastError).toMatch(/未配置邮件服务器/);
    expect(zh(legacy)).toMatchObject({
      lastErrorCode: 'delivery.smtp_not_configured',
      lastError: zh(coded)?.lastError,
    });
    expect(zh(other)).toMatchObject({
      lastErrorCode: 'delivery.failed',
      lastErrorParams: { detail: '550 mailbox unavailable' },
      lastError: '投递失败：550 mailbox unavailable',
    });
    const en = await read('en');
    expect(en(coded)?.lastError).toBe('No mail server (SMTP) is configured; the message is held');
    expect(en(legacy)?.lastError).toBe(en(coded)?.lastError);
  });

  it('refuses to retry a message that is not held or failed', async () => {
    const orgId = admin.me.organization.id;
    const id = await queueEmail(systemCtx(t.db, orgId), { to: 'a@example.com', subject: 'S', body: 'B' });
    const retry = await t.request('POST', `/api/outbox/${id}/retry`, { as: admin });
    expect(retry.statusCode).toBe(422);
    const missing = await t.request('POST', '/api/outbox/00000000-0000-7000-8000-000000000000/retry', { as: admin });
    expect(missing.statusCode).toBe(404);
  });
});
