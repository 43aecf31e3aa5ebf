import type { IncomingMessage, ServerResponse } from 'node:http';
import { TwilioError, authenticationError, isTwilioError, notFound } from '../domain/errors';
import { LIMITS } from '../domain/validate';
import { type ControlOrigins, isAllowedControlOrigin } from '../http/control-origins';
import { readBody } from '../http/read-body';
import type { Authenticator } from './auth';
import { webhookEnabled } from './params';
import type { Router } from './router';
import type { RestRequest, RestResponse } from './types';

const FORM_LIMIT = 2 * 1024 * 1024;

class BodyTooLarge extends Error {}

const send = (res: ServerResponse, response: RestResponse) => {
  if ('stream' in response) {
    response.stream(res);
    return;
  }
  if (!('json' in response) && !('raw' in response)) {
    res.writeHead(204).end();
    return;
  }
  if ('raw' in response) {
    res.writeHead(response.status, response.headers).end(response.raw);
    return;
  }
  const body = JSON.stringify(response.json);
  res
    .writeHead(response.status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      ...response.headers,
    })
    .end(body);
};

const sendError = (res: ServerResponse, error: TwilioError, extraHeaders: Record<string, string> = {}) =>
  send(res, { status: error.status, json: error.toJSON(), headers: { ...error.headers, ...extraHeaders } });

/** The emulator's own control endpoints are local and unauthenticated; everything Twilio's needs auth. */
const needsAuth = (path: string) => !path.startsWith('/emulator/');

/** Media a phone uploads: a WhatsApp file may be 16 MB. */
const CARRIER_MEDIA_LIMIT = 16 * 1024 * 1024;

const bodyLimit = (path: string) =>
  path.startsWith('/mcs/') ? LIMITS.mediaBytes : path === '/emulator/v1/Carrier/Media' ? CARRIER_MEDIA_LIMIT : FORM_LIMIT;

/**
 * The control API is called from the customer-phone page in the browser, on the app's origin, not
 * the emulator's: the origins in `controlOrigins` get CORS answers, and a request from any other web
 * page is refused outright (403), because without credentials its side effects would happen even
 * where CORS hides the answer.
 */
const CONTROL_CORS = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Content-Disposition',
  'Access-Control-Max-Age': '600',
  Vary: 'Origin',
};

/**
 * The HTTP request listener: auth → route → body → handler → JSON. Every failure is answered in
 * Twilio's error shape; unexpected exceptions become a 500 (20500) and are logged.
 */
export const createRequestListener =
  (router: Router, authenticators: readonly Authenticator[], { controlOrigins = [] }: { controlOrigins?: ControlOrigins } = {}) =>
  async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://emulator.local');
      const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
      const method = (req.method ?? 'GET').toUpperCase();
      if (path.startsWith('/emulator/')) {
        const origin = req.headers.origin;
        if (!isAllowedControlOrigin(controlOrigins, origin)) {
          req.resume();
          sendError(res, new TwilioError(20403, 403, `The control API does not answer pages on ${origin} (allowed: EMULATOR_CONTROL_ORIGINS)`));
          return;
        }
        if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
        for (const [name, value] of Object.entries(CONTROL_CORS)) res.setHeader(name, value);
        if (method === 'OPTIONS') {
          req.resume();
          res.writeHead(204).end();
          return;
        }
      }
      if (needsAuth(path) && !authenticators.some((auth) => auth(req))) {
        req.resume();
        sendError(res, authenticationError(), { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
        return;
      }
      const match = router.match(method, path);
      if (match.kind === 'not-found') {
        req.resume();
        sendError(res, notFound(path));
        return;
      }
      if (match.kind === 'method-not-allowed') {
        req.resume();
        sendError(res, new TwilioError(20004, 405, `Method ${method} not allowed on ${path}`), { Allow: match.allowed.join(', ') });
        return;
      }
      const body = await readBody(req, bodyLimit(path), () => new BodyTooLarge());
      const contentType = req.headers['content-type'] ?? '';
      const request: RestRequest = {
        method,
        path,
        params: match.params,
        query: url.searchParams,
        form: contentType.startsWith('application/x-www-form-urlencoded') ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams(),
        body,
        headers: req.headers,
        origin: { source: 'api', webhookEnabled: webhookEnabled(req.headers['x-twilio-webhook-enabled']) },
      };
      send(res, await match.handler(request));
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendError(res, new TwilioError(20001, 413, 'Request body is too large'));
      } else if (isTwilioError(error)) {
        sendError(res, error);
      } else {
        console.error('[emulator] unexpected error', error);
        if (!res.headersSent) sendError(res, new TwilioError(20500, 500, 'Internal Server Error'));
        else res.destroy();
      }
    }
  };
