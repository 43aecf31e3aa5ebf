import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type FrameHeader } from '../../../src/realtime/twilsock/frame-codec';

export type ReceivedFrame = { header: FrameHeader; body: unknown; binary: boolean };

const SYNC_TYPES = ['twilio.sync.event', 'com.twilio.rtd.cds.document', 'com.twilio.rtd.cds.list', 'com.twilio.rtd.cds.map'];

/**
 * A light twilsock protocol client for server tests: sends frames the way the real client does
 * and records every frame it receives, acking non-reply frames like the SDK.
 */
export class RawClient {
  readonly frames: ReceivedFrame[] = [];
  readonly closed: Promise<{ code: number }>;
  private waiters: { predicate: (frame: ReceivedFrame) => boolean; resolve: (frame: ReceivedFrame) => void }[] = [];
  autoAck = true;

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve({ code })));
    ws.on('message', (data: Buffer, binary: boolean) => {
      const decoded = decodeFrame(data);
      if (!decoded.ok) throw new Error(`server sent a malformed frame: ${decoded.reason}`);
      const { header, payload } = decoded.frame;
      const body = payload.length > 0 ? JSON.parse(payload.toString('utf8')) : undefined;
      const frame: ReceivedFrame = { header, body, binary };
      this.frames.push(frame);
      if (this.autoAck && header.method !== 'reply' && typeof header.id === 'string') {
        this.send({ id: header.id, method: 'reply', payload_type: 'application/json', status: { code: 200, status: 'OK' } });
      }
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.predicate(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
  }

  static connect(uri: string): Promise<RawClient> {
    const ws = new WebSocket(uri);
    ws.binaryType = 'nodebuffer';
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawClient(ws)));
      ws.once('error', reject);
    });
  }

  send(header: FrameHeader, payload?: string): void {
    this.ws.send(encodeFrame(header, payload ?? ''));
  }

  sendRaw(data: Buffer | string): void {
    this.ws.send(data);
  }

  /** The next frame matching `predicate`, including ones already received. */
  next(predicate: (frame: ReceivedFrame) => boolean, timeoutMs = 5000): Promise<ReceivedFrame> {
    const seen = this.frames.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      });
    });
  }

  request(header: FrameHeader, payload?: string): Promise<ReceivedFrame> {
    const id = `TM${randomUUID()}`;
    this.send({ ...header, id }, payload);
    return this.next((frame) => frame.header.method === 'reply' && frame.header.id === id);
  }

  init(token: string, extra: FrameHeader = {}): Promise<ReceivedFrame> {
    return this.request({
      method: 'init',
      token,
      continuation_token: null,
      metadata: { ver: '1.0.2', env: 'Node.js', type: 'test', sdk: 'raw' },
      registrations: [{ product: 'ip_messaging', type: 'ers', notification_protocol_version: 0, message_types: ['twilio.ipmsg.typing_indicator', ...SYNC_TYPES] }],
      tweaks: null,
      capabilities: ['client_update', 'offline_storage', 'telemetry.v1'],
      ...extra,
    });
  }

  /** An upstream HTTP request exactly as twilsock encodes it. */
  http(
    method: string,
    path: string,
    options: { params?: Record<string, string | string[]>; body?: string; payloadType?: string; headers?: Record<string, string> } = {},
  ): Promise<ReceivedFrame> {
    return this.request(
      {
        method: 'message',
        active_grant: 'ip_messaging',
        payload_type: options.payloadType ?? 'application/json',
        http_request: { host: 'localhost:4510', path, method, params: options.params ?? {}, headers: options.headers ?? {} },
      },
      options.body,
    );
  }

  notifications(messageType = 'twilio.sync.event'): unknown[] {
    return this.frames.filter((f) => f.header.method === 'notification' && f.header.message_type === messageType).map((f) => f.body);
  }

  close(): void {
    this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}
