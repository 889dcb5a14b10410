import { can, type Action, type Actor, type Resource } from '@smes/shared';
import { ForbiddenError } from '../errors.js';

/** Services call this first: the same matrix the routes' guard and the SPA's navigation use. */
export function assertCan(actor: Actor, resource: Resource, action: Action): void {
  if (!can(actor, resource, action)) throw new ForbiddenError();
}
