import type { User } from '@berth/domain';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { toUser } from './user-dto';
import { userById } from './user-scope';

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(userById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return toUser(row);
}
