import type { ApiClient } from './api-client';
import type { WriteLedger } from './write-stream';

/** The restarted server answers every acknowledged customer with the acknowledged (or in-flight) version and address. */
export async function acknowledgedThroughApiViolations(client: ApiClient, ledger: WriteLedger): Promise<string[]> {
  const violations: string[] = [];
  for (const c of ledger.customers) {
    if (!c.id || !c.acknowledged) continue;
    const response = await client.send('GET', `/api/customers/${c.id}`);
    if (response.status !== 200) {
      violations.push(`GET ${c.name}: ${response.status}`);
      continue;
    }
    const { version, address } = response.body as { version: number; address: string | null };
    const matches = [c.acknowledged, c.inFlight].some((s) => s && s.version === version && s.address === address);
    if (!matches || response.etag !== `"${version}"`)
      violations.push(
        `GET ${c.name}: v${version} "${address}" ETag ${response.etag}, acknowledged v${c.acknowledged.version}`,
      );
  }
  return violations;
}
