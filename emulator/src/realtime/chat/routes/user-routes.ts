import { z } from 'zod';
import { notFound } from '../../../domain/errors';
import { userUpdatePermissions } from '../../../domain/sdk-permissions';
import { json, param } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { chatRoute, parseJsonBody, requirePermission, type ChatCaller, type ChatDeps } from './chat-route';
import { userJson } from '../../../serializers/users';
import type { UserRecord } from '../../../store/records';

const ZUserUpdate = z.object({ friendly_name: z.string().nullable().optional(), attributes: z.string().optional() });

/**
 * Users over the chat API: any user of the service can be fetched (it names the user-info map the
 * SDK then subscribes to); the caller's own info is editable with `editOwnUserInfo`, anyone else's with
 * `editAnyUserInfo` (service role).
 */
export function registerUserRoutes(router: ProductRoutes, deps: ChatDeps): void {
  const base = '/Client/v2/Services/{ServiceSid}/Users';

  /** The User resource plus the user-info map the SDK then opens (all it reads). */
  const render = (caller: ChatCaller, user: UserRecord) => {
    const objects = deps.projector.ensureUser(caller.serviceSid, user.identity);
    return json(200, { ...userJson(user, caller.service, caller.scope), sync_objects: { user_info_map: objects.info } });
  };
  /** By identity (what the SDK sends) or by SID (the resource's own `url`). */
  const findUser = (caller: ChatCaller, identityOrSid: string) => {
    const user = deps.core.lookup.findUser(caller.serviceSid, identityOrSid);
    if (!user) throw notFound(`/Users/${identityOrSid}`);
    return user;
  };

  router.get(`${base}/Me`, chatRoute(deps, (_request, caller) => render(caller, findUser(caller, caller.identity))));
  router.get(`${base}/{Identity}`, chatRoute(deps, (request, caller) => render(caller, findUser(caller, param(request, 'Identity')))));

  router.post(
    `${base}/{Identity}`,
    chatRoute(deps, async (request, caller) => {
      const body = parseJsonBody(request, ZUserUpdate);
      const current = findUser(caller, param(request, 'Identity'));
      requirePermission(deps, caller, null, userUpdatePermissions(caller, current.identity));
      const user = await deps.core.users.updateUser(
        caller.serviceSid,
        current.identity,
        { friendlyName: body.friendly_name === null ? '' : body.friendly_name, attributes: body.attributes },
        caller.origin,
      );
      return render(caller, user);
    }),
  );
}
