import type { createTeamInputSchema, Team } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created, nextNumber } from './created';

export type TeamFields = Partial<z.input<typeof createTeamInputSchema>>;

export function aTeam(t: TestApp, as: Session, fields: TeamFields = {}): Promise<Team> {
  const body = { name: `Team ${nextNumber()}`, ...fields };
  return created<Team>(t.request('POST', '/api/teams', { as, body }), `team ${body.name}`);
}
