import { randomBytes } from 'node:crypto';
import type { AccessTokenClaims, AccessTokenVerifier, TokenRejection } from '../auth/access-token';
import { tokenDeadlines } from '../auth/token-deadlines';
import type { Clock } from '../../clock';
import type { DeadlineScheduler } from '../deadline-scheduler';
import type { RealtimeLogger } from '../logger';
import type { TypedEmitter } from '../typed-emitter';
import type { Router } from '../../http/router';
import { OK_STATUS, nextServerFrameId, type TwilsockConnection, type TwilsockStatus } from './connection';
import type { ConnectionRegistry } from './connection-registry';
import { decodeFrame, encodeFrame } from './frame-codec';
import { ZAnyRequestHeader, ZClientHeader, type InitHeader, type MessageHeader, type UpdateHeader } from './frame-schemas';
import type { TwilsockServerEvents } from './server-events';
import { dispatchUpstream, type BaseUrlResolver } from './upstream-dispatch';

export type SessionContext = {
  verifyToken: AccessTokenVerifier;
  router: Router;
  clock: Clock;
  scheduler: DeadlineScheduler;
  aboutToExpireLeadMs: number;
  baseUrl: BaseUrlResolver;
  registry: ConnectionRegistry;
  events: TypedEmitter<TwilsockServerEvents>;
  logger: RealtimeLogger;
  /** `offline_storage` id handed to every product the client registers; null omits it. */
  offlineStorageId: string | null;
};

/**
 * Handles one inbound WebSocket message (docs/sdk-protocol.md, "Twilsock"). Never throws: a bad frame
 * closes only its own connection.
 */
export function handleFrame(ctx: SessionContext, conn: TwilsockConnection, data: Buffer): void {
  if (conn.state === 'closed') return;
  const decoded = decodeFrame(data);
  if (!decoded.ok) {
    ctx.logger.debug(`connection ${conn.id}: malformed frame (${decoded.reason})`);
    conn.closeForProtocolError(`Malformed twilsock frame: ${decoded.reason}`);
    return;
  }
  const parsed = ZClientHeader.safeParse(decoded.frame.header);
  if (!parsed.success) {
    const request = ZAnyRequestHeader.safeParse(decoded.frame.header);
    if (request.success && request.data.method !== 'reply') {
      conn.reply(request.data.id, { code: 400, status: 'Bad Request', description: `Unsupported or invalid ${request.data.method}` });
    } else {
      conn.closeForProtocolError('Invalid twilsock header');
    }
    return;
  }
  const header = parsed.data;
  switch (header.method) {
    case 'init':
      return handleInit(ctx, conn, header);
    case 'update':
      return handleUpdate(ctx, conn, header);
    case 'message':
      void handleMessage(ctx, conn, header, decoded.frame.payload);
      return;
    case 'reply':
      return conn.onAck(header.id);
    case 'close':
      // Graceful client disconnect; the client closes its socket right after.
      conn.state = 'closing';
      conn.dropAfterGrace();
      return;
    case 'telemetry.v1':
      return; // accepted and ignored; `capabilities: []` means well-behaved clients never send it
    case 'put_notification_ctx':
    case 'delete_notification_ctx':
      return conn.reply(header.id, OK_STATUS); // never sent by Conversations; acknowledge anyway
  }
}

function handleInit(ctx: SessionContext, conn: TwilsockConnection, header: InitHeader): void {
  if (conn.state !== 'awaiting-init') {
    conn.reply(header.id, { code: 400, status: 'Bad Request', description: 'Connection already initialised' });
    return;
  }
  const verification = ctx.verifyToken(header.token);
  if (!verification.ok) {
    // 401 is terminal for the client; errorCode 20104 additionally makes it emit tokenExpired.
    conn.reply(header.id, rejectionStatus(verification.rejection));
    conn.dropAfterGrace();
    return;
  }
  const claims = verification.claims;
  conn.identity = claims.identity;
  conn.claims = claims;
  conn.messageTypes = internMessageTypes(header.registrations?.flatMap((r) => r.message_types));
  conn.wantsClientUpdate = header.capabilities == null || header.capabilities.includes('client_update');
  conn.state = 'open';
  // A fresh continuation token per init; the one sent (maybe stale, maybe from another boot) is ignored.
  const offline = offlineStorage(ctx.offlineStorageId, header);
  conn.reply(header.id, OK_STATUS, { continuation_token: `CT${randomBytes(16).toString('hex')}`, capabilities: [], ...offline });
  armTokenTimers(ctx, conn, claims);
  const first = ctx.registry.add(conn);
  ctx.events.emit('connected', conn);
  if (first) ctx.events.emit('identityOnline', conn.identity);
}

function handleUpdate(ctx: SessionContext, conn: TwilsockConnection, header: UpdateHeader): void {
  if (conn.state !== 'open') {
    conn.reply(header.id, { code: 400, status: 'Bad Request', description: 'Connection not initialised' });
    return;
  }
  const verification = ctx.verifyToken(header.token);
  if (!verification.ok) {
    // The client goes to `denied` and closes; the old token's expiry timer stays armed meanwhile.
    conn.reply(header.id, rejectionStatus(verification.rejection));
    return;
  }
  if (verification.claims.identity !== conn.identity) {
    conn.reply(header.id, { code: 401, status: 'Unauthorized', errorCode: 20101, description: 'Token identity differs from the connection identity' });
    return;
  }
  conn.claims = verification.claims;
  armTokenTimers(ctx, conn, verification.claims);
  conn.reply(header.id, OK_STATUS);
  ctx.events.emit('tokenUpdated', conn);
}

async function handleMessage(ctx: SessionContext, conn: TwilsockConnection, header: MessageHeader, payload: Buffer): Promise<void> {
  if (conn.state !== 'open' || !conn.claims) {
    conn.reply(header.id, { code: 401, status: 'Unauthorized', description: 'Send init first' });
    return;
  }
  const reply = await dispatchUpstream(ctx.router, conn, header, payload, ctx.baseUrl, { error: (message, error) => ctx.logger.error(`upstream ${message}`, error) });
  if (conn.state !== 'open') return;
  conn.reply(header.id, OK_STATUS, reply.header, reply.body);
  try {
    reply.afterReply?.();
  } catch (error) {
    ctx.logger.error(`afterReply of ${header.http_request.path} failed`, error);
  }
}

/**
 * `client_update` token_about_to_expire ahead of expiry, `close` 410 at expiry. Re-armed by every
 * successful `update`, so a refreshed token extends the session on the same socket.
 */
function armTokenTimers(ctx: SessionContext, conn: TwilsockConnection, claims: AccessTokenClaims): void {
  conn.cancelTokenTimers?.();
  const { aboutToExpireAt, expiresAt } = tokenDeadlines(claims.expiresAt, ctx.clock.now(), ctx.aboutToExpireLeadMs);
  const cancelWarning = conn.wantsClientUpdate
    ? ctx.scheduler.at(aboutToExpireAt, () => {
        conn.sendFrame(encodeFrame({ method: 'client_update', id: nextServerFrameId(), client_update_type: 'token_about_to_expire' }));
      })
    : () => {};
  const cancelExpiry = ctx.scheduler.at(expiresAt, () => {
    conn.closeWithStatus({ code: 410, status: 'Token expired', description: 'Access Token expired', errorCode: 20104 });
  });
  conn.cancelTokenTimers = () => {
    cancelWarning();
    cancelExpiry();
  };
}

/**
 * With a storage id the browser's Sync caches root descriptors in sessionStorage (real
 * Twilio sends one; without it Sync logs a warning on every object it opens). Keyed by the products
 * the client registered (`ip_messaging` for Conversations).
 */
function offlineStorage(storageId: string | null, header: InitHeader): { offline_storage?: Record<string, { storage_id: string }> } {
  if (storageId === null) return {};
  const products = new Set((header.registrations ?? []).map((r) => r.product));
  if (products.size === 0) return {};
  return { offline_storage: Object.fromEntries([...products].map((product) => [product, { storage_id: storageId }])) };
}

function rejectionStatus(rejection: TokenRejection): TwilsockStatus {
  return { code: rejection.status, status: 'Unauthorized', description: rejection.message, errorCode: rejection.errorCode };
}

// Nearly every connection declares the same registrations; share one Set between them.
const internedTypes = new Map<string, ReadonlySet<string>>();

function internMessageTypes(types: string[] | undefined): ReadonlySet<string> | null {
  if (!types || types.length === 0) return null;
  const key = [...new Set(types)].sort().join('\n');
  let set = internedTypes.get(key);
  if (!set) {
    if (internedTypes.size > 1000) internedTypes.clear(); // unbounded variety would be a misbehaving client
    set = new Set(types);
    internedTypes.set(key, set);
  }
  return set;
}
