import { authenticationError, ERROR_CODES, isTwilioError, notFound, TwilioError } from '../domain/errors';
import { sdkOrigin, SYSTEM_ORIGIN, type Origin } from '../domain/origin';
import { authenticate, type Authenticators } from './authenticators';
import { isAllowedControlOrigin, type ControlOrigins } from './control-origins';
import type { Caller, CorsPolicy, EdgeRequest, EdgeResponse, RequestBody } from './route';
import type { Route, Router } from './router';

/** A request as a transport hands it over, before routing. */
export type Incoming = {
  method: string;
  /** Without the query; a trailing slash is ignored. */
  path: string;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | undefined>>;
  baseUrl: string;
  /** A caller the transport has already authenticated (a twilsock connection's token); else the route's schemes decide. */
  caller?: Caller;
  /** Reads the body as the matched route takes it. */
  readBody(route: Route): Promise<RequestBody>;
  /** Called when no handler will read the body (an HTTP transport drains it). */
  discardBody(): void;
};

export type Dispatched = { response: EdgeResponse; route: Route | null; cors: CorsPolicy | null };

export type DispatchLogger = { error(message: string, error: unknown): void };

export type DispatchOptions = {
  /** Checks for the route's schemes; a transport that presets the caller needs none. */
  authenticators?: Authenticators;
  /** The web pages that may call routes whose CORS policy is `control` (none by default). */
  controlOrigins?: ControlOrigins;
  logger: DispatchLogger;
};

/**
 * Routes one request: match → authenticate by the route's schemes → read the body its way → handler.
 * Every failure becomes a response in Twilio's error shape; an unexpected exception is a logged 500.
 */
export async function dispatch(router: Router, incoming: Incoming, { authenticators, controlOrigins = [], logger }: DispatchOptions): Promise<Dispatched> {
  let route: Route | null = null;
  let cors: CorsPolicy | null = null;
  let bodyRead = false;
  try {
    const path = incoming.path.length > 1 ? incoming.path.replace(/\/+$/, '') : incoming.path;
    const match = router.match(incoming.method, path);
    if (match.kind === 'not-found') throw notFound(path);
    if (match.kind === 'method-not-allowed') {
      cors = match.cors;
      const error = new TwilioError(20004, 405, `Method ${incoming.method} not allowed on ${path}`);
      return { response: { ...errorResponse(error), headers: { Allow: match.allowed.join(', ') } }, route, cors };
    }
    route = match.route;
    cors = route.cors;
    const origin = incoming.headers.origin;
    if (cors?.origins === 'control' && !isAllowedControlOrigin(controlOrigins, origin)) {
      throw new TwilioError(ERROR_CODES.forbiddenOrigin, 403, `${path} does not answer pages on ${origin} (allowed: EMULATOR_CONTROL_ORIGINS)`);
    }
    const caller = admit(authenticators, route, incoming, path);
    bodyRead = true;
    const body = await incoming.readBody(route);
    const request: EdgeRequest = {
      method: route.method,
      path,
      params: match.params,
      query: incoming.query,
      headers: incoming.headers,
      body,
      form: body.kind === 'form' ? body.value : new URLSearchParams(),
      baseUrl: incoming.baseUrl,
      caller,
      origin: originOf(caller, incoming.headers),
    };
    return { response: await route.handler(request), route, cors };
  } catch (error) {
    if (!bodyRead) incoming.discardBody();
    if (!isTwilioError(error)) logger.error(`${incoming.method} ${incoming.path} failed`, error);
    const response = isTwilioError(error) ? errorResponse(error) : errorResponse(new TwilioError(20500, 500, 'Internal Server Error'));
    if (isTwilioError(error) && error.code === 20003 && route?.auth.includes('account')) {
      return { response: { ...response, headers: { ...error.headers, 'WWW-Authenticate': 'Basic realm="Twilio API"' } }, route, cors };
    }
    return { response, route, cors };
  }
}

const errorResponse = (error: TwilioError): EdgeResponse => ({ status: error.status, json: error.toJSON(), headers: error.headers });

/** The caller, if the route lets it in: a pre-authenticated one needs its scheme to be the route's. */
function admit(authenticators: Authenticators | undefined, route: Route, incoming: Incoming, path: string): Caller {
  const preset = incoming.caller;
  if (!preset) {
    if (!authenticators) throw authenticationError();
    return authenticate(authenticators, route.auth, { path, query: incoming.query, headers: incoming.headers });
  }
  if (route.auth.includes(preset.scheme)) return preset;
  if (route.auth.includes('none')) return { scheme: 'none' };
  throw authenticationError();
}

/** REST changes fire webhooks only with `X-Twilio-Webhook-Enabled: true`; SDK changes always do. */
function originOf(caller: Caller, headers: Readonly<Record<string, string | undefined>>): Origin {
  switch (caller.scheme) {
    case 'account':
      return { source: 'api', webhookEnabled: headers['x-twilio-webhook-enabled']?.toLowerCase() === 'true' };
    case 'sdk-token':
      return sdkOrigin(caller.identity);
    default:
      return SYSTEM_ORIGIN;
  }
}
