import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import { userUpdatePermissions } from '../../../domain/sdk-permissions';
import { json, param } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, parseJsonBody, requirePermission, type ChatCaller, type ChatDeps } from './chat-route';
import { userJson } from './serializers';

const ZUserUpdate = z.object({ friendly_name: z.string().nullable().optional(), attributes: z.string().optional() });

/**
 * Users over the chat API (§4.5): any user of the service can be fetched (it names the user-info map the
 * SDK then subscribes to); the caller's own info is editable with `editOwnUserInfo`, anyone else's with
 * `editAnyUserInfo` (service role).
 */
export function registerUserRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Users';

  const fetchUser = (caller: ChatCaller, identity: string) => {
    const user = deps.core.lookup.userByIdentity(caller.serviceSid, identity);
    if (!user) throw notFound(`/Users/${identity}`);
    const objects = deps.projector.ensureUser(caller.serviceSid, identity);
    return json(200, userJson(deps.core, caller.links, user, objects.info, caller.service.configuration.reachabilityEnabled));
  };

  router.get(`${base}/Me`, chatRoute(deps, (_request, caller) => fetchUser(caller, caller.identity)));
  router.get(`${base}/{Identity}`, chatRoute(deps, (request, caller) => fetchUser(caller, param(request, 'Identity'))));

  router.post(
    `${base}/{Identity}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUserUpdate);
      const identity = param(request, 'Identity');
      const current = deps.core.lookup.userByIdentity(caller.serviceSid, identity);
      if (!current) throw notFound(`/Users/${identity}`);
      requirePermission(deps, caller, null, userUpdatePermissions(caller, identity));
      const user = await deps.core.users.updateUser(
        caller.serviceSid,
        identity,
        { friendlyName: body.friendly_name === null ? '' : body.friendly_name, attributes: body.attributes },
        caller.origin,
      );
      const objects = deps.projector.ensureUser(caller.serviceSid, identity);
      return json(200, userJson(deps.core, caller.links, user, objects.info, caller.service.configuration.reachabilityEnabled));
    }),
  );
}
