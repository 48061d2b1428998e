const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const sessionPattern = new RegExp(`^(${uuid})\\.(${uuid})\\.([A-Za-z0-9_-]{20,100})$`);
const apiKeyPattern = new RegExp(`^bk\\.(${uuid})\\.(${uuid})\\.([A-Za-z0-9_-]{20,100})$`);

/**
 * Credentials carry their tenant and record id, so they are found by primary key
 * (org_id, id) and only then compared with the stored hash of their secret.
 */
export interface ParsedCredential {
  orgId: string;
  id: string;
  secret: string;
}

export const sessionCookieName = 'berth_session';

export function formatSessionToken(orgId: string, id: string, secret: string): string {
  return `${orgId}.${id}.${secret}`;
}
export function parseSessionToken(token: string | undefined): ParsedCredential | null {
  const m = token ? sessionPattern.exec(token) : null;
  return m ? { orgId: m[1] as string, id: m[2] as string, secret: m[3] as string } : null;
}

export function formatApiKey(orgId: string, id: string, secret: string): string {
  return `bk.${orgId}.${id}.${secret}`;
}
export function parseApiKey(header: string | undefined): ParsedCredential | null {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const key = m ? apiKeyPattern.exec(m[1] as string) : null;
  return key ? { orgId: key[1] as string, id: key[2] as string, secret: key[3] as string } : null;
}

/** A UUID as 22 base64url characters, and back (null for anything else). */
function compactUuid(id: string): string {
  return Buffer.from(id.replaceAll('-', ''), 'hex').toString('base64url');
}
function expandUuid(text: string): string | null {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const feedPattern = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{20,100})$/;

/**
 * A calendar feed's address token, `<orgId>.<feedId>.<secret>` with the ids in base64url (a URL path segment is
 * kept under 100 characters): like a session, found by primary key (org_id, id) and then compared with the stored
 * hash of its secret.
 */
export function formatFeedToken(orgId: string, id: string, secret: string): string {
  return `${compactUuid(orgId)}.${compactUuid(id)}.${secret}`;
}
export function parseFeedToken(token: string): ParsedCredential | null {
  const m = feedPattern.exec(token);
  const orgId = m ? expandUuid(m[1] as string) : null;
  const id = m ? expandUuid(m[2] as string) : null;
  return m && orgId && id ? { orgId, id, secret: m[3] as string } : null;
}
