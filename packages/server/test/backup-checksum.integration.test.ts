import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, listTables, restoreDatabase } from '../src/db/backup';
import { type Db, queryRows } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';
import { loadConfig } from '../src/platform/config';
import { createServer } from '../src/server';
import { openTestDatabase, type Session, startTestApp, type TestApp, testPassword } from './harness';

/**
 * Backup → fresh database → restore, on the engine in use (PGlite, or PostgreSQL when DATABASE_URL is set):
 * every table comes back with the same row count and the same md5 over its rows in primary-key order.
 * Generated columns are left out on both sides: the restore computes them again instead of copying them.
 */

interface TableShape {
  columns: string[];
  generated: string[];
  primaryKey: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tableShapes(db: Db): Promise<Map<string, TableShape>> {
  const columns = await queryRows<{ table: string; column: string; generated: boolean }>(
    db,
    sql`select table_name as "table", column_name as "column", (is_generated <> 'NEVER') as generated
          from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const keys = await queryRows<{ table: string; column: string }>(
    db,
    sql`select k.table_name as "table", k.column_name as "column"
          from information_schema.table_constraints c
          join information_schema.key_column_usage k
            on k.constraint_schema = c.constraint_schema and k.constraint_name = c.constraint_name
         where c.table_schema = 'public' and c.constraint_type = 'PRIMARY KEY'
         order by k.table_name, k.ordinal_position`,
  );
  const shapes = new Map<string, TableShape>();
  for (const table of await listTables(db)) shapes.set(table, { columns: [], generated: [], primaryKey: [] });
  for (const c of columns) {
    const shape = shapes.get(c.table);
    if (shape) (c.generated ? shape.generated : shape.columns).push(c.column);
  }
  for (const k of keys) shapes.get(k.table)?.primaryKey.push(k.column);
  return shapes;
}

/** Per table: row count and md5 of its non-generated columns as JSON arrays, one line per row, in key order. */
async function checksums(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const [table, shape] of await tableShapes(db)) {
    const order = (shape.primaryKey.length > 0 ? shape.primaryKey : shape.columns).map(quote).join(', ');
    const row = `json_build_array(${shape.columns.map(quote).join(', ')})::text`;
    const [answer] = await queryRows<{ rows: number; md5: string }>(
      db,
      sql.raw(
        `select count(*)::int as rows, md5(coalesce(string_agg(${row}, E'\\n' order by ${order}), '')) as md5 from ${quote(table)}`,
      ),
    );
    result[table] = { rows: Number(answer?.rows), md5: String(answer?.md5) };
  }
  return result;
}

/** Every byte value, several times over, behind a PDF signature so the upload is accepted. */
const binaryPdf = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 256 * 12 }, (_, i) => (i * 31 + 7) % 256)),
  Buffer.from([0, 0, 0, 0xff, 0xfe, 0x5c, 0x78, 0x27, 0x22]),
  Buffer.from('\n%%EOF\n'),
]);
const pngBytes = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from(Array.from({ length: 512 }, (_, i) => 255 - (i % 256))),
]);
const awkward = `引号 "quoted" 'single', back\\slash \\x00 not-a-null, tab\tnew\nline, 😀 emoji, <b>&amp;</b>`;

describe('backup and restore keep every table byte for byte', () => {
  let t: TestApp;
  let admin: Session;
  let dir: string;
  let attachmentId: string;

  const upload = (url: string, bytes: Buffer, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([bytes]), name);
    return t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
  };
  const ok = async (response: Promise<{ statusCode: number; body: string; json: () => { id: string } }>) => {
    const answer = await response;
    expect(answer.statusCode, answer.body).toBeLessThan(300);
    return answer.json();
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('备份校验货代 Checksum Forwarding');
    const team = await ok(
      t.request('POST', '/api/teams', { as: admin, body: { name: `华南 ${awkward}`.slice(0, 100) } }),
    );
    const rep = await t.userWithRole(admin, 'sales_rep', { teamId: team.id, name: "O'Brien 张" });
    const manager = await t.userWithRole(admin, 'sales_manager', { teamId: team.id, name: '王经理' });
    const roleId = (await t.request('GET', '/api/roles', { as: admin })).json().items[0].id;
    await ok(t.request('POST', '/api/api-keys', { as: admin, body: { name: 'ERP', roleId } }));

    const tag = await ok(t.request('POST', '/api/tags', { as: admin, body: { name: 'VIP 重点' } }));
    const customers: string[] = [];
    for (let i = 0; i < 12; i++) {
      const created = await ok(
        t.request('POST', '/api/customers', {
          as: admin,
          headers: { 'idempotency-key': `checksum-customer-${i}` },
          body: {
            name: `校验物流${i}号 Checksum Logistics ${i}`,
            nameEn: i % 2 ? `Checksum ${i} "Ltd"` : null,
            address: i === 0 ? awkward : `深圳市南山区 ${i} 号`,
            country: i % 3 ? 'CN' : 'DE',
            website: `https://checksum-${i}.example`,
            phone: `1380013${String(8000 + i)}`,
            email: `ops${i}@checksum.example`,
            employees: i * 37,
            annualRevenue: { amount: `${1234567 + i}.89`, currency: 'CNY' },
            status: i % 4 ? 'active' : 'prospect',
            ownerId: i % 2 ? rep.id : null,
            tradeProfile: { commodities: ['电子产品', `cargo ${i}`], preferredModes: [], lanes: [] },
          },
        }),
      );
      customers.push(created.id);
      await ok(
        t.request('POST', '/api/contacts', {
          as: admin,
          body: {
            customerId: created.id,
            name: `联系人${i} ${i === 0 ? awkward.slice(0, 60) : ''}`.trim(),
            phones: [`1390013${String(8000 + i)}`],
            emails: [`contact${i}@checksum.example`],
            birthday: '1990-02-28',
            isPrimary: true,
            marketingConsent: i % 2 === 0,
          },
        }),
      );
      await ok(
        t.request('POST', `/api/customers/${created.id}/notes`, {
          as: admin,
          body: { body: `跟进 ${i}: ${awkward}`, mentions: i === 1 ? [manager.id] : [] },
        }),
      );
    }
    await ok(
      t.request('POST', '/api/customers/bulk-tags', { as: admin, body: { customerIds: customers, add: [tag.id] } }),
    );
    const etag = (await t.request('GET', `/api/customers/${customers[2]}`, { as: admin })).headers.etag as string;
    await ok(
      t.request('PATCH', `/api/customers/${customers[2]}`, {
        as: admin,
        body: { name: '校验物流2号（改名）', status: 'inactive' },
        headers: { 'if-match': etag },
      }),
    );
    await ok(
      t.request('POST', `/api/customers/${customers[3]}/merge`, { as: admin, body: { sourceId: customers[4] } }),
    );

    attachmentId = (await ok(upload(`/api/customers/${customers[0]}/attachments`, binaryPdf, '合同 "2026".pdf'))).id;
    await ok(
      upload(`/api/customers/${customers[1]}/attachments`, pngBytes, 'licence.png', { kind: 'business_licence' }),
    );
    await ok(upload(`/api/customers/${customers[5]}/attachments`, Buffer.from(`a,b\n"${awkward}",2\n`), 'list.csv'));

    const csv = [
      '客户名称,国家,联系电话',
      '导入物流甲有限公司,中国,13800138111',
      '导入物流乙有限公司,德国,',
      ',,',
    ].join('\r\n');
    const started = await ok(
      upload('/api/imports', Buffer.from(csv), '客户.csv', { entity: 'customers', policy: 'skip' }),
    );
    while ((await t.server.deps.jobs.runDue()) > 0) {}
    expect((await t.request('GET', `/api/imports/${started.id}`, { as: admin })).json().status).toBe('succeeded');

    await ok(
      t.request('POST', '/api/segments', { as: admin, body: { name: '活跃客户', filters: { status: 'active' } } }),
    );
    await ok(
      t.request('POST', '/api/saved-views', {
        as: admin,
        body: { resource: 'customers', name: '德国', state: { filters: { country: 'DE' } } },
      }),
    );
    await ok(t.request('POST', `/api/customers/${customers[1]}/release`, { as: rep, body: { reason: '不再跟进' } }));
    await ok(t.request('POST', `/api/customers/${customers[1]}/claim`, { as: manager }));
    await t.login(rep.email, testPassword);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-checksum-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds a dataset that touches the tables a backup must carry', async () => {
    const source = await checksums(t.db);
    for (const table of [
      'organizations',
      'users',
      'teams',
      'roles',
      'sessions',
      'api_keys',
      'customers',
      'contacts',
      'tags',
      'notes',
      'attachments',
      'attachment_contents',
      'imports',
      'audit_log',
      'notifications',
      'outbox',
      'segments',
      'saved_views',
      'jobs',
    ]) {
      expect(source[table]?.rows, table).toBeGreaterThan(0);
    }
    const shapes = await tableShapes(t.db);
    expect(shapes.get('customers')?.generated).toContain('search_grams');
    expect(shapes.get('contacts')?.generated).toContain('search_grams');
  });

  it('restores into a fresh database with equal row counts and checksums in every table', async () => {
    const source = await checksums(t.db);
    const file = path.join(dir, 'backup.jsonl.gz');
    const written = await backupDatabase(t.db, file);
    expect(written.tables).toBe(Object.keys(source).length);

    const target = await openTestDatabase();
    try {
      await migrateDatabase(target.database);
      const empty = await checksums(target.database.db);
      expect(empty.customers?.rows).toBe(0);
      await restoreDatabase(target.database, file, { replace: false });
      const restored = await checksums(target.database.db);
      expect(Object.keys(restored).sort()).toEqual(Object.keys(source).sort());
      for (const table of Object.keys(source)) expect(restored[table], table).toEqual(source[table]);

      // Generated columns were computed again from the restored values, to the same result.
      const grams = `select coalesce(string_agg(array_to_string(search_grams, ' '), '|' order by id), '') as g from customers`;
      const [before] = await queryRows<{ g: string }>(t.db, sql.raw(grams));
      const [after] = await queryRows<{ g: string }>(target.database.db, sql.raw(grams));
      expect(after?.g).toBe(before?.g);
      expect(before?.g.length).toBeGreaterThan(0);

      // The restored copy serves the file byte for byte.
      const restoredServer = await createServer(loadConfig({ LOG_LEVEL: 'silent' }), {
        database: target.database,
        logger: false,
        startJobs: false,
      });
      try {
        const login = await restoredServer.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: admin.me.user.email, password: testPassword },
        });
        expect(login.statusCode).toBe(200);
        const cookie = login.cookies.find((c) => c.name === 'berth_session')?.value;
        const file = await restoredServer.app.inject({
          method: 'GET',
          url: `/api/attachments/${attachmentId}/content`,
          headers: { cookie: `berth_session=${cookie}` },
        });
        expect(file.statusCode).toBe(200);
        expect(file.rawPayload.equals(binaryPdf)).toBe(true);
      } finally {
        await restoredServer.close();
      }
    } finally {
      await target.drop();
    }
  });

  it('notices a single changed byte or a missing row (the checksum is not blind)', async () => {
    const file = path.join(dir, 'backup-2.jsonl.gz');
    await backupDatabase(t.db, file);
    const target = await openTestDatabase();
    try {
      await migrateDatabase(target.database);
      await restoreDatabase(target.database, file, { replace: false });
      const restored = await checksums(target.database.db);
      await target.database.db.execute(
        sql`update attachment_contents set content = overlay(content placing '\\x01'::bytea from 100 for 1)
             where attachment_id = ${attachmentId}`,
      );
      const flipped = await checksums(target.database.db);
      expect(flipped.attachment_contents?.rows).toBe(restored.attachment_contents?.rows);
      expect(flipped.attachment_contents?.md5).not.toBe(restored.attachment_contents?.md5);
      await target.database.db.transaction(async (tx) => {
        // Without triggers or foreign keys: only the row goes, as a damaged restore would lose it.
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from notes where id = (select id from notes order by id limit 1)`);
      });
      expect((await checksums(target.database.db)).notes).not.toEqual(restored.notes);
    } finally {
      await target.drop();
    }
  });
});
