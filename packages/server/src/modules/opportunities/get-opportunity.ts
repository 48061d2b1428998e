import type { Opportunity } from '@berth/domain';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import type { ScopeBypass } from '../../platform/data-scope';
import { selectOpportunities, toOpportunities } from './opportunity-dto';
import { opportunities } from './tables';

export async function getOpportunity(ctx: Ctx, id: string, options: ScopeBypass = {}): Promise<Opportunity> {
  const [row] = await selectOpportunities(ctx, eq(opportunities.id, id), options);
  if (!row) throw AppError.notFound();
  return (await toOpportunities(ctx, [row]))[0] as Opportunity;
}
