import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticators } from './authenticators';
import type { ControlOrigins } from './control-origins';
import { allowedOrigin, corsHeaders, preflightHeaders } from './cors';
import { dispatch, type DispatchLogger } from './dispatch';
import { readRequestBody, uploadFilename } from './request-body';
import type { EdgeResponse } from './route';
import type { Router } from './router';

const consoleLogger: DispatchLogger = { error: (message, error) => console.error(`[emulator] ${message}`, error) };

/**
 * The HTTP transport: every request goes through the router's declarations (auth scheme, body,
 * limit, CORS); CORS preflights are answered from the declarations of the routes at that path.
 */
export type ListenerOptions = {
  /** Web pages allowed to call routes whose CORS policy is `control` (the control API). */
  controlOrigins?: ControlOrigins;
  logger?: DispatchLogger;
};

export const createRequestListener =
  (router: Router, authenticators: Authenticators, { controlOrigins = [], logger = consoleLogger }: ListenerOptions = {}) =>
  async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'OPTIONS') return preflight(router, url.pathname, req, res, controlOrigins);
    const headers = lowerCaseHeaders(req.headers);
    const { response, cors } = await dispatch(
      router,
      {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers,
        baseUrl: `http://${headers.host ?? '127.0.0.1'}`,
        readBody: (route) =>
          readRequestBody(req, {
            format: route.body,
            limit: route.bodyLimit,
            contentType: headers['content-type'] ?? '',
            filename: route.body === 'file' ? uploadFilename(headers, url.searchParams) : null,
          }),
        discardBody: () => req.resume(),
      },
      { authenticators, controlOrigins, logger },
    );
    send(res, response, cors ? corsHeaders(cors, allowedOrigin(cors, headers.origin, controlOrigins)) : {});
  };

function preflight(router: Router, pathname: string, req: IncomingMessage, res: ServerResponse, controlOrigins: ControlOrigins): void {
  req.resume();
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  let match;
  try {
    match = router.match('OPTIONS', path);
  } catch {
    match = { kind: 'not-found' } as const;
  }
  if (match.kind === 'method-not-allowed' && match.cors) {
    const origin = allowedOrigin(match.cors, firstHeader(req.headers.origin), controlOrigins);
    res.writeHead(origin ? 204 : 403, origin ? preflightHeaders(match.cors, origin, match.allowed) : {}).end();
    return;
  }
  res.writeHead(match.kind === 'not-found' ? 404 : 405).end();
}

function send(res: ServerResponse, response: EdgeResponse, extraHeaders: Record<string, string>): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  if ('stream' in response) {
    response.stream(res);
    return;
  }
  if ('bytes' in response) {
    res.writeHead(response.status, { 'Content-Length': String(response.bytes.length), ...response.headers }).end(response.bytes);
    return;
  }
  if (response.json === undefined) {
    res.writeHead(response.status, response.headers).end();
  } else {
    const body = JSON.stringify(response.json);
    res
      .writeHead(response.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), ...response.headers })
      .end(body);
  }
  try {
    response.afterReply?.();
  } catch (error) {
    console.error('[emulator] afterReply failed', error);
  }
}

const firstHeader = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function lowerCaseHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}
