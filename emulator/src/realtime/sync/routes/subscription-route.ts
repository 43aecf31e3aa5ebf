import { z } from 'zod';
import { invalidParam } from '../../../domain/errors';
import { sdkCaller } from '../../../http/route';
import type { ProductRoutes } from '../../../http/router';
import { parseBody, type SyncRouteDeps } from './route-helpers';

const ZSubscriptionBody = z.object({
  action: z.enum(['establish', 'cancel']),
  // Date.now() as a number, echoed back with ===, so it must stay a number.
  correlation_id: z.number(),
  requests: z
    .array(
      z.object({
        object_sid: z.string().min(1),
        object_type: z.string(),
        last_event_id: z.number().nullish(),
      }),
    )
    .max(1000),
  event_protocol_version: z.number().optional(),
  retried_requests: z.number().optional(),
  ttl_in_s: z.number().optional(),
  reason: z.string().optional(),
});

/**
 * `POST /v4/Subscriptions`. The reply carries `estimated_delivery_in_ms` (the client re-pokes if
 * nothing with this correlation id arrives in time) and `max_batch_size`, and no `ttl_in_s` (which
 * would make the client re-poke everything periodically). Replay and confirmation follow the reply.
 */
export function registerSubscriptionRoute(router: ProductRoutes, deps: SyncRouteDeps): void {
  router.post('/v4/Subscriptions', (request) => {
    const body = parseBody(request, ZSubscriptionBody);
    // Events are pushed to the connection that subscribed: there must be one.
    const peer = sdkCaller(request).peer;
    if (!peer) throw invalidParam('Subscriptions are made over a twilsock connection');
    return {
      status: 200,
      json: { estimated_delivery_in_ms: 5000, max_batch_size: 100 },
      afterReply:
        body.action === 'establish'
          ? () => deps.hub.establish(peer, request.baseUrl, body.correlation_id, body.requests)
          : () => deps.hub.cancel(peer, body.correlation_id, body.requests.map((r) => r.object_sid)),
    };
  });
}
