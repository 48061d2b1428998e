import type { ApiClient, ApiResponse } from './api-client';

/** A customer state the server answered 2xx for, or one sent whose answer never came. */
export interface CustomerState {
  version: number;
  address: string | null;
}

export interface CustomerWrites {
  name: string;
  id: string | null;
  acknowledged: CustomerState | null;
  /** The update in flight when the server died: it may or may not have committed. */
  inFlight: CustomerState | null;
}

export interface NoteWrite {
  customerId: string;
  body: string;
  id: string | null;
}

/** Every write the stream sent and what the server acknowledged. */
export class WriteLedger {
  readonly customers: CustomerWrites[] = [];
  readonly notes: NoteWrite[] = [];
  /** Writes answered with a status other than the expected 2xx: each is a failure of the server. */
  readonly unexpected: string[] = [];
  requests = 0;
  acknowledgedUpdates = 0;

  get acknowledged() {
    return {
      customers: this.customers.filter((c) => c.acknowledged).length,
      updates: this.acknowledgedUpdates,
      notes: this.notes.filter((n) => n.id).length,
    };
  }
}

/**
 * Concurrent writers, each creating customers, updating them with If-Match and adding notes, one
 * request at a time, until the server goes away (the first network error ends a writer).
 */
export function startWriteStream(client: ApiClient, ledger: WriteLedger, options: { writers: number; prefix: string }) {
  let stopped = false;
  const send = async (...args: Parameters<ApiClient['send']>): Promise<ApiResponse | null> => {
    if (stopped) return null;
    ledger.requests++;
    try {
      return await client.send(...args);
    } catch {
      return null; // the server is gone: this write has no answer
    }
  };
  const expectStatus = (response: ApiResponse, status: number, what: string) => {
    if (response.status === status) return true;
    ledger.unexpected.push(`${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    return false;
  };

  const writer = async (writerNo: number) => {
    for (let n = 0; !stopped; n++) {
      const customer: CustomerWrites = {
        name: `${options.prefix}并发${writerNo}号客户${n}`,
        id: null,
        acknowledged: null,
        inFlight: null,
      };
      ledger.customers.push(customer);
      const created = await send('POST', '/api/customers', { name: customer.name });
      if (!created) return;
      if (!expectStatus(created, 201, `create ${customer.name}`)) continue;
      const id: string = created.body.id;
      customer.id = id;
      customer.acknowledged = { version: created.body.version, address: created.body.address };
      for (let step = 1; step <= 3; step++) {
        const current = customer.acknowledged;
        const address = `${customer.name}地址${step}`;
        customer.inFlight = { version: current.version + 1, address };
        const updated = await send(
          'PATCH',
          `/api/customers/${id}`,
          { address },
          { 'if-match': `"${current.version}"` },
        );
        if (!updated) return;
        customer.inFlight = null;
        if (expectStatus(updated, 200, `update ${customer.name}`)) {
          customer.acknowledged = { version: updated.body.version, address: updated.body.address };
          ledger.acknowledgedUpdates++;
        }
        const note: NoteWrite = { customerId: id, body: `${customer.name}跟进${step}`, id: null };
        ledger.notes.push(note);
        const added = await send('POST', `/api/customers/${id}/notes`, { body: note.body });
        if (!added) return;
        if (expectStatus(added, 201, `note ${note.body}`)) note.id = added.body.id;
      }
    }
  };

  const done = Promise.all(Array.from({ length: options.writers }, (_, i) => writer(i)));
  return {
    done,
    stop: () => {
      stopped = true;
      return done;
    },
  };
}
