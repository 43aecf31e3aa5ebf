import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import { ok, param } from '../../upstream/route-helpers';
import type { UpstreamRouter } from '../../upstream/router';
import { chatRoute, parseJsonBody, requirePermission, type Caller, type ChatDeps } from './chat-route';
import { userJson } from './serializers';

const ZUserUpdate = z.object({ friendly_name: z.string().nullable().optional(), attributes: z.string().optional() });

/**
 * Users over the chat API (§4.5): any user of the service can be fetched (it names the user-info map the
 * SDK then subscribes to); the caller's own info is editable with `editOwnUserInfo`, anyone else's with
 * `editAnyUserInfo` (service role).
 */
export function registerUserRoutes(router: UpstreamRouter, deps: ChatDeps): void {
  const base = '/Client/v2/Services/:serviceSid/Users';

  const fetchUser = (caller: Caller, identity: string) => {
    const user = deps.core.lookup.userByIdentity(caller.serviceSid, identity);
    if (!user) throw notFound(`/Users/${identity}`);
    const objects = deps.projector.ensureUser(caller.serviceSid, identity);
    return ok(userJson(deps.core, caller.links, user, objects.info, caller.service.configuration.reachabilityEnabled));
  };

  router.add('GET', `${base}/Me`, chatRoute(deps, (_request, caller) => fetchUser(caller, caller.identity)));
  router.add('GET', `${base}/:identity`, chatRoute(deps, (request, caller) => fetchUser(caller, param(request, 'identity'))));

  router.add(
    'POST',
    `${base}/:identity`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUserUpdate);
      const identity = param(request, 'identity');
      const current = deps.core.lookup.userByIdentity(caller.serviceSid, identity);
      if (!current) throw notFound(`/Users/${identity}`);
      requirePermission(deps, caller, null, identity === caller.identity ? 'editOwnUserInfo' : 'editAnyUserInfo');
      const user = await deps.core.users.updateUser(
        caller.serviceSid,
        identity,
        { friendlyName: body.friendly_name === null ? '' : body.friendly_name, attributes: body.attributes },
        caller.origin,
      );
      const objects = deps.projector.ensureUser(caller.serviceSid, identity);
      return ok(userJson(deps.core, caller.links, user, objects.info, caller.service.configuration.reachabilityEnabled));
    }),
  );
}
