import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { readBody } from '../src/http/read-body';
import { kitStep } from './kit-step';

/** A webhook request as the receiver got it. */
export type WebhookRequest = {
  method: 'GET' | 'POST';
  /** The URL Twilio called (what the signature covers). */
  url: string;
  /** Twilio's fields: the form body of a POST, the query of a GET. */
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  /** False when `X-Twilio-Signature` does not match (such a request is answered 403 and never matches an expectation). */
  isSignatureValid: boolean;
};

/** What the receiver answers; pre-action webhooks refuse with a non-2xx, or modify with a JSON body. */
export type WebhookReply = { status: number; body?: string | Record<string, unknown> };

/** Field values (exact strings or patterns), or a predicate over the request. */
export type WebhookMatcher = Record<string, string | RegExp> | ((request: WebhookRequest) => boolean);

export type WebhookReceiver = {
  /** Give this URL to Twilio (a webhook configuration, or your app's public URL setting); any path under it works. */
  readonly url: string;
  /** Every request so far, oldest first. */
  requests(): WebhookRequest[];
  /** Resolves with the first validly signed request that matches (one already received counts). */
  expectRequest(matcher: WebhookMatcher, options?: { timeout?: number }): Promise<WebhookRequest>;
  /** Answers requests yourself (return nothing for the default answer). Default: 200, empty. */
  respondWith(handler: ((request: WebhookRequest) => WebhookReply | undefined | Promise<WebhookReply | undefined>) | undefined): void;
  /**
   * Passes every validly signed request on to your app, as a tunnel in front of it would: `url` + the
   * path Twilio called, same method, body and headers (the signature too, so the app checks it against
   * its public URL, this receiver's). Twilio gets the app's answer. The receiver records what the app
   * was sent.
   */
  forwardTo(origin: string | undefined): void;
  close(): Promise<void>;
};

const FORM_LIMIT = 1024 * 1024;

const matches = (matcher: WebhookMatcher, request: WebhookRequest) =>
  typeof matcher === 'function'
    ? matcher(request)
    : Object.entries(matcher).every(([name, expected]) => {
        const actual = request.params[name];
        return actual !== undefined && (typeof expected === 'string' ? actual === expected : expected.test(actual));
      });

const describeMatcher = (matcher: WebhookMatcher) =>
  typeof matcher === 'function' ? 'a request the predicate accepts' : Object.entries(matcher).map(([k, v]) => `${k}=${String(v)}`).join(', ');

const send = (res: ServerResponse, reply: WebhookReply) => {
  const isJson = typeof reply.body === 'object';
  res.writeHead(reply.status, isJson ? { 'Content-Type': 'application/json' } : {});
  res.end(isJson ? JSON.stringify(reply.body) : (reply.body ?? ''));
};

/** Headers a hop must not copy (the next hop sets its own). */
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding']);

/** Passes one request on unchanged, signature included, as a tunnel in front of the app would. */
const forward = async (origin: string, req: IncomingMessage, body: Buffer) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && !HOP_HEADERS.has(name)) headers[name] = value;
  const response = await fetch(`${origin.replace(/\/+$/, '')}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' ? undefined : new Uint8Array(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
};

/**
 * A local HTTP endpoint standing in for (or in front of) the app's webhook URL: checks each request's
 * signature with the account's auth token (`twilio.validateRequest`, as the app should), records it,
 * and lets a test wait for one without polling.
 */
export const startWebhookReceiver = async ({ authToken }: { authToken: string }): Promise<WebhookReceiver> => {
  const received: WebhookRequest[] = [];
  const arrivals = new EventEmitter();
  let handler: Parameters<WebhookReceiver['respondWith']>[0];
  let forwardUrl: string | undefined;
  let baseUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method === 'GET' ? 'GET' : 'POST';
    const url = `${baseUrl}${req.url ?? '/'}`;
    const body = method === 'POST' ? await readBody(req, FORM_LIMIT, () => new Error('webhook body too large')) : Buffer.alloc(0);
    const params = Object.fromEntries(new URLSearchParams(method === 'POST' ? body.toString('utf8') : new URL(url).search));
    const signature = req.headers['x-twilio-signature'];
    const isSignatureValid = typeof signature === 'string' && twilio.validateRequest(authToken, signature, url, method === 'POST' ? params : {});
    const request: WebhookRequest = { method, url, params, headers: req.headers, isSignatureValid };
    received.push(request);
    arrivals.emit('request', request);
    if (!isSignatureValid) return send(res, { status: 403, body: 'X-Twilio-Signature does not match' });
    const own = await handler?.(request);
    if (own) return send(res, own);
    if (!forwardUrl) return send(res, { status: 200 });
    const answer = await forward(forwardUrl, req, body);
    res.writeHead(answer.status, answer.contentType ? { 'Content-Type': answer.contentType } : {});
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 502, body: `Webhook receiver (forwarding to the app?): ${error instanceof Error ? error.message : String(error)}` });
      else res.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${baseUrl}/`,
    requests: () => [...received],
    expectRequest: (matcher, { timeout = 10_000 } = {}) =>
      kitStep(`expect a webhook: ${describeMatcher(matcher)}`, () => {
        const accept = (r: WebhookRequest) => r.isSignatureValid && matches(matcher, r);
        const already = received.find(accept);
        if (already) return Promise.resolve(already);
        return new Promise<WebhookRequest>((resolve, reject) => {
          const onRequest = (r: WebhookRequest) => {
            if (!accept(r)) return;
            clearTimeout(timer);
            arrivals.off('request', onRequest);
            resolve(r);
          };
          const timer = setTimeout(() => {
            arrivals.off('request', onRequest);
            const seen = received.map((r) => `  ${r.params.EventType ?? r.method} ${r.isSignatureValid ? '' : '(bad signature) '}${JSON.stringify(r.params)}`);
            reject(new Error(`Timed out after ${timeout} ms waiting for a webhook with ${describeMatcher(matcher)}. Received:\n${seen.join('\n') || '  nothing'}`));
          }, timeout);
          arrivals.on('request', onRequest);
        });
      }),
    respondWith: (next) => {
      handler = next;
    },
    forwardTo: (url) => {
      forwardUrl = url;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
