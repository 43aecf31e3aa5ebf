import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook request as the receiving server saw it. */
export type ReceivedWebhook = {
  path: string;
  method: string;
  /** The full URL Twilio signed (as configured, with query for GET). */
  url: string;
  headers: IncomingMessage['headers'];
  /** Form fields (POST body or GET query), repeated fields as arrays. */
  params: Record<string, string | string[]>;
  at: number;
};

type Answer = { status: number; body?: string; delayMs?: number };
type Responder = (request: ReceivedWebhook) => Answer | 'hang';

const readParams = (search: URLSearchParams) => {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    out[name] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
};

/**
 * A real local HTTP server receiving the emulator's webhooks. Each path answers with a configurable
 * responder (default 200, empty body); `next(predicate)` resolves when a matching request arrives, so
 * tests wait for events instead of sleeping.
 */
export const startWebhookServer = async () => {
  const received: ReceivedWebhook[] = [];
  const responders = new Map<string, Responder>();
  const waiters: { predicate: (r: ReceivedWebhook) => boolean; resolve: (r: ReceivedWebhook) => void }[] = [];
  const hanging: ServerResponse[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      const params = req.method === 'GET' ? readParams(url.searchParams) : readParams(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const record: ReceivedWebhook = { path: url.pathname, method: req.method ?? '', url: url.toString(), headers: req.headers, params, at: Date.now() };
      received.push(record);
      for (const waiter of [...waiters]) {
        if (waiter.predicate(record)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(record);
        }
      }
      const answer = (responders.get(url.pathname) ?? ((): Answer => ({ status: 200 })))(record);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      const respond = () => res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body ?? '');
      if (answer.delayMs) setTimeout(respond, answer.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    url: (path: string) => `${base}${path}`,
    received,
    on: (path: string, responder: Responder) => responders.set(path, responder),
    /** Requests to `path` (optionally of one event type), in arrival order. */
    at: (path: string, eventType?: string) => received.filter((r) => r.path === path && (!eventType || r.params.EventType === eventType)),
    next: (predicate: (r: ReceivedWebhook) => boolean, timeoutMs = 5_000) => {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ReceivedWebhook>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching webhook arrived')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (r) => {
            clearTimeout(timer);
            resolve(r);
          },
        });
      });
    },
    clear: () => received.splice(0),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type WebhookServer = Awaited<ReturnType<typeof startWebhookServer>>;
