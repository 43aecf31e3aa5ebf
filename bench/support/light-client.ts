import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, type FrameHeader } from 'conversations-emulator';

const MESSAGE_TYPES = ['twilio.ipmsg.typing_indicator', 'twilio.sync.event', 'com.twilio.rtd.cds.document', 'com.twilio.rtd.cds.list', 'com.twilio.rtd.cds.map'];

type Reply = { header: FrameHeader; body: unknown };

/**
 * A light twilsock v3 client (emulator/docs/sdk-protocol.md): the frames the SDK sends, without the SDK. Holds thousands of
 * connections in one process for the capacity benchmark, and measures the emulator's own fan-out
 * without the SDK's byte-by-byte frame decoding in the way.
 */
export class LightClient {
  private readonly pending = new Map<string, (reply: Reply) => void>();
  onNotification: ((messageType: string, body: unknown) => void) | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const decoded = decodeFrame(data);
      if (!decoded.ok) return;
      const { header, payload } = decoded.frame;
      const id = typeof header.id === 'string' ? header.id : '';
      if (header.method === 'reply') {
        const resolve = this.pending.get(id);
        this.pending.delete(id);
        resolve?.({ header, body: payload.length > 0 ? JSON.parse(payload.toString('utf8')) : undefined });
        return;
      }
      // Every non-reply frame is acked, as the SDK does.
      this.send({ id, method: 'reply', payload_type: 'application/json', status: { code: 200, status: 'OK' } });
      if (header.method === 'notification' && this.onNotification) {
        this.onNotification(String(header.message_type), JSON.parse(payload.toString('utf8')));
      }
    });
  }

  static open(uri: string): Promise<LightClient> {
    const ws = new WebSocket(uri, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new LightClient(ws)));
      ws.once('error', reject);
    });
  }

  async init(token: string): Promise<void> {
    const reply = await this.request({
      method: 'init',
      token,
      continuation_token: null,
      metadata: { ver: '1.0.2', env: 'Node.js', type: 'bench', sdk: 'light' },
      registrations: [{ product: 'ip_messaging', type: 'ers', notification_protocol_version: 0, message_types: MESSAGE_TYPES }],
      tweaks: null,
      capabilities: ['client_update'],
    });
    const status = reply.header.status as { code?: number } | undefined;
    if (status?.code !== 200) throw new Error(`init refused: ${JSON.stringify(status)}`);
  }

  /** An upstream HTTP request; resolves with the HTTP status and body. */
  async http(method: string, url: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const { host, pathname } = new URL(url);
    const reply = await this.request(
      { method: 'message', active_grant: 'ip_messaging', payload_type: 'application/json', http_request: { host, path: pathname, method, params: {}, headers: {} } },
      body === undefined ? undefined : JSON.stringify(body),
    );
    return { status: (reply.header.http_status as { code: number }).code, body: reply.body };
  }

  close(): void {
    this.ws.close();
  }

  private request(header: FrameHeader, payload?: string): Promise<Reply> {
    const id = `TM${randomUUID()}`;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ ...header, id }, payload);
    });
  }

  private send(header: FrameHeader, payload?: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeFrame(header, payload));
  }
}
