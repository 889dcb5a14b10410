import { can, type HomeToDo } from '@smes/shared';
import { todayInBrussels } from '../../../lib/dates.js';
import type { ServiceContext } from '../../../types.js';
import { unpaidDuesCount } from '../../association/membership/dues.js';
import { intervisionToDo } from '../../connect/intervision/home.js';
import { countUsersWithoutSecondFactor } from '../users/service.js';

/**
 * What the signed-in person has to do: each module's part, asked only when the access matrix
 * lets the caller read it, and read by that module's service under the caller's scope. A part
 * left out is absent from the answer.
 */
export async function homeToDo({ ctx }: { ctx: ServiceContext }): Promise<HomeToDo> {
  const today = todayInBrussels();
  const todo: HomeToDo = {};
  if (can(ctx.actor, 'intervision', 'read')) Object.assign(todo, await intervisionToDo(ctx, today));
  if (can(ctx.actor, 'dues', 'read')) {
    const year = Number(today.slice(0, 4));
    todo.unpaidDues = { year, count: await unpaidDuesCount(ctx, year) };
  }
  if (can(ctx.actor, 'users', 'read'))
    todo.usersWithoutSecondFactor = await countUsersWithoutSecondFactor(ctx);
  return todo;
}
