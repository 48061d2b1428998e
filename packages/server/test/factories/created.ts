import type { LightMyRequestResponse } from 'fastify';

/** The body of a 201 answer; any other answer fails the test with what the API said. */
export async function created<T>(response: Promise<LightMyRequestResponse>, what: string): Promise<T> {
  const answer = await response;
  if (answer.statusCode !== 201) throw new Error(`${what} was not created: ${answer.statusCode} ${answer.body}`);
  return answer.json() as T;
}

let sequence = 0;
/** A number no other record of this test process has, for default names. */
export function nextNumber(): number {
  sequence += 1;
  return sequence;
}
