import { WebSocket } from 'ws';
import type { AccessTokenClaims } from '../auth/access-token';
import type { Peer } from './peer';
import { encodeFrame, encodeJsonFrame, type FrameHeader } from './frame-codec';

export type ConnectionState = 'awaiting-init' | 'open' | 'closing' | 'closed';

/** Status of a server `close` frame or of a `reply`. */
export type TwilsockStatus = { code: number; status: string; description?: string; errorCode?: number };

export const OK_STATUS: TwilsockStatus = { code: 200, status: 'OK' };

export type ConnectionLimits = {
  /** A consumer this far behind is dropped rather than buffered without bound. */
  maxBufferedBytes: number;
  /** How long to wait for the client to close after a server `close` frame. */
  closeGraceMs: number;
};

let frameSeq = 0;
/** Server frame ids only need to be echoed back in acks; a process-wide counter suffices. */
export function nextServerFrameId(): string {
  frameSeq = (frameSeq + 1) % Number.MAX_SAFE_INTEGER;
  return `SF${frameSeq.toString(36)}`;
}

export function encodeNotification(messageType: string, payload: unknown): Buffer {
  // One frame per notification; the client acks it by id.
  return encodeFrame(
    { method: 'notification', id: nextServerFrameId(), message_type: messageType, payload_type: 'application/json' },
    JSON.stringify(payload),
  );
}

/**
 * One twilsock socket. Deliberately small: thousands are held at once, so no per-connection maps or
 * buffers beyond what `ws` keeps; registrations are interned sets shared between connections.
 */
export class TwilsockConnection implements Peer {
  state: ConnectionState = 'awaiting-init';
  /** The token identity; '' until `init` succeeds. */
  identity = '';
  claims: AccessTokenClaims | null = null;
  /** Message types declared in `init.registrations`; null when none were declared. */
  messageTypes: ReadonlySet<string> | null = null;
  /** Whether the client declared the `client_update` capability (or declared none at all). */
  wantsClientUpdate = true;
  /** Liveness flag for WebSocket-level pings. */
  alive = true;
  cancelTokenTimers: (() => void) | null = null;
  private pendingCloseId: string | null = null;
  private dropTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    private readonly ws: WebSocket,
    private readonly limits: ConnectionLimits,
    readonly remoteAddress: string | undefined,
  ) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Whether a `notification` of this type may be pushed here. */
  accepts(messageType: string): boolean {
    return this.messageTypes === null || this.messageTypes.has(messageType);
  }

  sendFrame(frame: Buffer): boolean {
    if (this.state !== 'open') return false;
    return this.write(frame);
  }

  /** A reply; a Buffer body goes out as is (its `payload_type` in `extra`), anything else as JSON. */
  reply(id: string, status: TwilsockStatus, extra: FrameHeader = {}, body?: unknown): void {
    if (this.state === 'closed') return;
    const header = { method: 'reply', id, status, ...extra };
    this.write(Buffer.isBuffer(body) ? encodeFrame(header, body) : encodeJsonFrame(header, body));
  }

  /**
   * Server-initiated close: the frame goes out first, the client acks it and closes the socket
   * itself; the socket is closed from this side once the ack arrives or after the grace period.
   */
  closeWithStatus(status: TwilsockStatus, body?: unknown): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    const id = nextServerFrameId();
    this.write(encodeJsonFrame({ method: 'close', id, status }, body));
    this.state = 'closing';
    this.pendingCloseId = id;
    this.dropAfterGrace();
  }

  /** Closes at once after a protocol violation, without waiting for a client that sends garbage. */
  closeForProtocolError(description: string): void {
    if (this.state === 'closed') return;
    this.write(encodeJsonFrame({ method: 'close', id: nextServerFrameId(), status: { code: 406, status: 'Not Acceptable', description } }));
    this.state = 'closing';
    this.ws.close(1002, 'twilsock protocol error');
  }

  /** Waits for the client to close the socket (after a rejected init/update), then closes it. */
  dropAfterGrace(): void {
    if (this.dropTimer) return;
    this.dropTimer = setTimeout(() => this.ws.close(1000), this.limits.closeGraceMs);
    this.dropTimer.unref();
  }

  onAck(id: string): void {
    if (id === this.pendingCloseId) this.ws.close(1000);
  }

  /** Drops the socket without any close handshake (what a network failure looks like to the client). */
  terminate(): void {
    this.ws.terminate();
  }

  ping(): void {
    this.ws.ping();
  }

  /** Called once the socket is gone. */
  markClosed(): void {
    this.state = 'closed';
    this.cancelTokenTimers?.();
    this.cancelTokenTimers = null;
    if (this.dropTimer) clearTimeout(this.dropTimer);
    this.dropTimer = null;
  }

  private write(frame: Buffer): boolean {
    if (this.ws.readyState !== WebSocket.OPEN) return false;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      // A client this far behind would make the emulator buffer without bound; drop it like a bad network would.
      this.ws.terminate();
      return false;
    }
    this.ws.send(frame, { binary: true }); // text frames are dropped by the client
    return true;
  }
}
