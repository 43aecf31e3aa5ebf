import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { AccessTokenVerifier } from '../auth/access-token';
import { DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS } from '../auth/token-deadlines';
import { createClock, type Clock } from '../../clock';
import { createDeadlineScheduler } from '../deadline-scheduler';
import { consoleLogger, type RealtimeLogger } from '../logger';
import { TypedEmitter } from '../typed-emitter';
import type { Router } from '../../http/router';
import { TwilsockConnection, encodeNotification } from './connection';
import { ConnectionRegistry } from './connection-registry';
import type { TwilsockServerEvents } from './server-events';
import { handleFrame, type SessionContext } from './session';
import { httpBaseUrl, type BaseUrlResolver } from './upstream-dispatch';

export type TwilsockServerOptions = {
  /** WebSocket path; default `/v3/wsconnect`. */
  path?: string;
  verifyToken: AccessTokenVerifier;
  /** Answers every upstream `message` request, as it answers plain HTTP. */
  router: Router;
  clock?: Clock;
  /** Lead time of `token_about_to_expire`; default 3 minutes, clamped for short-lived tokens. */
  tokenAboutToExpireLeadMs?: number;
  /** Absolute base URL for links, from `http_request.host`; default `http://<host>`. */
  baseUrl?: BaseUrlResolver;
  /** A socket that has not sent `init` by then is closed; default 30 s. */
  initTimeoutMs?: number;
  /** Wait for the client to close after a server `close` or a rejected init; default 5 s. */
  closeGraceMs?: number;
  /** WebSocket ping interval for dead-peer detection; default 30 s, 0 disables. */
  heartbeatIntervalMs?: number;
  /** Largest inbound frame; default 4 MiB. */
  maxFrameBytes?: number;
  /** Outbound backlog after which a slow client is dropped; default 16 MiB. */
  maxBufferedBytes?: number;
  logger?: RealtimeLogger;
  /**
   * `offline_storage` id in init replies. Use a fresh one per emulator boot (a browser tab
   * must not reuse descriptors cached against another boot's state). Omitted by default.
   */
  offlineStorageId?: string;
};

export type NotifyOptions = {
  exceptConnectionId?: string;
  /** Only connections whose token names this chat service (the same identity in another is another user). */
  chatServiceSid?: string;
};

export type TwilsockServer = {
  readonly registry: ConnectionRegistry;
  on<K extends keyof TwilsockServerEvents>(event: K, listener: (...args: TwilsockServerEvents[K]) => void): () => void;
  /**
   * Pushes one `notification` to every open connection of `identity` (or of each of several
   * identities) that registered the message type; the frame is encoded once. Returns the number of
   * connections it was sent to.
   */
  notifyIdentity(identity: string | Iterable<string>, messageType: string, payload: unknown, options?: NotifyOptions): number;
  /** Closes every socket and detaches from the HTTP server. */
  close(): Promise<void>;
};

export function attachTwilsock(server: Server, options: TwilsockServerOptions): TwilsockServer {
  const path = options.path ?? '/v3/wsconnect';
  const clock = options.clock ?? createClock();
  const logger = options.logger ?? consoleLogger;
  const initTimeoutMs = options.initTimeoutMs ?? 30_000;
  const limits = { maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024, closeGraceMs: options.closeGraceMs ?? 5_000 };
  const registry = new ConnectionRegistry();
  const events = new TypedEmitter<TwilsockServerEvents>((error) => logger.error('lifecycle listener failed', error));
  const scheduler = createDeadlineScheduler(clock, (error) => logger.error('token timer failed', error));
  const sockets = new Map<WebSocket, TwilsockConnection>();
  const ctx: SessionContext = {
    verifyToken: options.verifyToken,
    router: options.router,
    clock,
    scheduler,
    aboutToExpireLeadMs: options.tokenAboutToExpireLeadMs ?? DEFAULT_ABOUT_TO_EXPIRE_LEAD_MS,
    baseUrl: options.baseUrl ?? httpBaseUrl,
    registry,
    events,
    logger,
    offlineStorageId: options.offlineStorageId ?? null,
  };
  const connectionPrefix = `WS${randomBytes(4).toString('hex')}`;
  let connectionSeq = 0;

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? 4 * 1024 * 1024, perMessageDeflate: false, clientTracking: false });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== path) {
      // Leave other paths to other upgrade listeners; with none, refuse rather than hang.
      if (server.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
  };
  server.on('upgrade', onUpgrade);

  function accept(ws: WebSocket, request: IncomingMessage): void {
    const conn = new TwilsockConnection(`${connectionPrefix}${(++connectionSeq).toString(36)}`, ws, limits, request.socket.remoteAddress);
    sockets.set(ws, conn);
    const initTimer = setTimeout(() => {
      if (conn.state === 'awaiting-init') ws.close(1008, 'init timeout');
    }, initTimeoutMs);
    initTimer.unref();
    ws.on('message', (data: RawData) => handleFrame(ctx, conn, toBuffer(data)));
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (error) => logger.debug(`connection ${conn.id} socket error`, error));
    ws.on('close', (code) => {
      clearTimeout(initTimer);
      sockets.delete(ws);
      const wasInitialised = conn.identity !== '' && registry.get(conn.id) === conn;
      conn.markClosed();
      if (!wasInitialised) return;
      const last = registry.remove(conn);
      events.emit('disconnected', conn, { code, lastForIdentity: last });
      if (last) events.emit('identityOffline', conn.identity);
    });
  }

  const heartbeatMs = options.heartbeatIntervalMs ?? 30_000;
  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => {
          for (const conn of sockets.values()) {
            if (!conn.alive) conn.terminate();
            else {
              conn.alive = false;
              conn.ping();
            }
          }
        }, heartbeatMs)
      : null;
  heartbeat?.unref();

  return {
    registry,
    on: (event, listener) => events.on(event, listener),
    notifyIdentity(identities, messageType, payload, notifyOptions = {}) {
      const { exceptConnectionId, chatServiceSid } = notifyOptions;
      let frame: Buffer | null = null;
      let sent = 0;
      for (const identity of typeof identities === 'string' ? [identities] : identities) {
        for (const conn of registry.connectionsOf(identity)) {
          if (conn.id === exceptConnectionId || !conn.isOpen || !conn.accepts(messageType)) continue;
          if (chatServiceSid !== undefined && conn.claims?.chatServiceSid !== chatServiceSid) continue;
          frame ??= encodeNotification(messageType, payload);
          if (conn.sendFrame(frame)) sent++;
        }
      }
      return sent;
    },
    async close() {
      server.off('upgrade', onUpgrade);
      if (heartbeat) clearInterval(heartbeat);
      scheduler.dispose();
      const closed = [...sockets.keys()].map(
        (ws) =>
          new Promise<void>((resolve) => {
            ws.once('close', () => resolve());
            ws.terminate();
          }),
      );
      await Promise.all(closed);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
