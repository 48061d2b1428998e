import type { Session } from '../harness';

/** A signed-in user: their session, id and email. */
export type Member = Session & { id: string; email: string };
