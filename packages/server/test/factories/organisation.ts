import { randomUUID } from 'node:crypto';
import { createOrganization } from '../../src/modules/setup/create-organization';
import { type TestApp, testPassword } from '../harness';
import { type Factories, factories } from './factories';
import type { Member } from './member';

export interface Organisation {
  id: string;
  name: string;
  /** Its first administrator, signed in. */
  admin: Member;
  /** The factories, acting as the administrator. */
  make: Factories;
}

/**
 * A new tenant with the built-in roles, the default pipeline and a signed-in administrator, made by
 * the use case behind first-run setup. Any number of them can live in one test app: tenancy keeps
 * them apart, so a test that needs a clean organisation takes its own instead of a new database.
 */
export async function anOrganisation(
  t: TestApp,
  fields: { name?: string; adminName?: string; adminEmail?: string } = {},
): Promise<Organisation> {
  const name = fields.name ?? 'Test Forwarding Co.';
  const email = fields.adminEmail ?? `admin-${randomUUID().slice(0, 8)}@example.com`;
  const { orgId, adminId } = await createOrganization(
    t.db,
    { organization: { name }, admin: { name: fields.adminName ?? 'Admin', email, password: testPassword } },
    { onlyIfFirst: false },
  );
  const admin: Member = { ...(await t.login(email)), id: adminId, email };
  return { id: orgId, name, admin, make: factories(t, admin) };
}
