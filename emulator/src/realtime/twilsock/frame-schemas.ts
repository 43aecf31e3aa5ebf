import { z } from 'zod';

/** Client → server frame headers, parsed at the boundary. */

const ZId = z.string().min(1).max(200);

export const ZRegistration = z.object({
  product: z.string(),
  type: z.string(),
  notification_protocol_version: z.number(),
  message_types: z.array(z.string()),
});

export const ZInitHeader = z.object({
  method: z.literal('init'),
  id: ZId,
  token: z.string(),
  // Opaque, possibly stale or from another emulator boot; never validated.
  continuation_token: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  registrations: z.array(ZRegistration).nullish(),
  capabilities: z.array(z.string()).nullish(),
});

export const ZUpdateHeader = z.object({ method: z.literal('update'), id: ZId, token: z.string() });

// Param values are not decoded by the client; repeated keys become arrays.
const ZParamValue = z.union([z.string(), z.array(z.string())]);
const ZHeaderValue = z.union([z.string(), z.number(), z.boolean()]);

export const ZMessageHeader = z.object({
  method: z.literal('message'),
  id: ZId,
  active_grant: z.string().nullish(),
  payload_type: z.string().nullish(),
  http_request: z.object({
    host: z.string(),
    path: z.string().startsWith('/'),
    method: z.string().min(1),
    params: z.record(z.string(), ZParamValue.nullable()).nullish(),
    headers: z.record(z.string(), ZHeaderValue.nullable()).nullish(),
  }),
});

export const ZReplyHeader = z.object({ method: z.literal('reply'), id: ZId });
export const ZCloseHeader = z.object({ method: z.literal('close'), id: ZId.optional() });
export const ZTelemetryHeader = z.object({ method: z.literal('telemetry.v1') });
export const ZNotificationCtxHeader = z.object({
  method: z.enum(['put_notification_ctx', 'delete_notification_ctx']),
  id: ZId,
});

export const ZClientHeader = z.discriminatedUnion('method', [
  ZInitHeader,
  ZUpdateHeader,
  ZMessageHeader,
  ZReplyHeader,
  ZCloseHeader,
  ZTelemetryHeader,
  ZNotificationCtxHeader,
]);

export type InitHeader = z.infer<typeof ZInitHeader>;
export type UpdateHeader = z.infer<typeof ZUpdateHeader>;
export type MessageHeader = z.infer<typeof ZMessageHeader>;

/** Methods a client may send that carry an id and expect a `reply`. */
export const ZAnyRequestHeader = z.object({ method: z.string(), id: ZId });
