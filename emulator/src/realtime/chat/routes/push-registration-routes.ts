import { randomBytes } from 'node:crypto';
import { ok } from '../../upstream/route-helpers';
import type { UpstreamRouter } from '../../upstream/router';
import { chatRoute, type ChatDeps } from './chat-route';

/**
 * ERS push registration (§6.4), reached only when an app calls `setPushRegistrationId` with
 * `notifications.ersUrl` pointed at the emulator. Push is not emulated: registrations are acknowledged
 * (the SDK stores the returned `id`) and forgotten.
 */
export function registerPushRegistrationRoutes(router: UpstreamRouter, deps: ChatDeps): void {
  router.add('POST', '/v1/registrations', chatRoute(deps, () => ok({ id: `RG${randomBytes(16).toString('hex')}` })));
  router.add('DELETE', '/v1/registrations', chatRoute(deps, () => ok({})));
  router.add('DELETE', '/v1/registrations/:id', chatRoute(deps, () => ok({})));
}
