import type { ServerResponse } from 'node:http';
import type { Origin } from '../domain/origin';
import type { AccessTokenClaims } from '../realtime/auth/access-token';
import type { JsonValue } from '../realtime/json';
import type { Peer } from '../realtime/twilsock/peer';

/**
 * One route declaration for everything the emulator answers, over plain HTTP and through twilsock
 * alike: a method, a path pattern, a handler and the options the transports enforce before the
 * handler runs (who may call, what body it takes, how large, whether browsers on other origins may).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How a caller proves who it is.
 * - `account`: HTTP Basic with the account SID + auth token or an API key + secret (the `twilio` helper);
 * - `sdk-token`: an access token, in `X-Twilio-Token` over HTTP (the SDK's media calls) or as the
 *   twilsock connection's own token (everything the SDK tunnels through its WebSocket);
 * - `signed-url`: the request path's own signature and expiry (temporary media URLs: no header, so an
 *   `<img src>` can load them);
 * - `none`: the emulator's control API, a local tool.
 */
export type AuthScheme = 'account' | 'sdk-token' | 'signed-url' | 'none';

/**
 * The request body a route takes, by its content type; any other type answers 415. An empty body is
 * always accepted (the handler decides whether it needed one).
 * - `form`: `application/x-www-form-urlencoded`, Twilio's REST parameters;
 * - `json`: `application/json` (a body that is not JSON arrives as `text`: the Sync SDK sends one);
 * - `file`: an upload of any type: the raw bytes with their `Content-Type`, or one file of a
 *   `multipart/form-data` form;
 * - `none`: the body is not read.
 */
export type BodyFormat = 'none' | 'form' | 'json' | 'file';

/** Browsers on other origins may call the route: preflights are answered and every response is readable. */
export type CorsPolicy = {
  /**
   * Which web pages: `any` origin, or only the server's `controlOrigins`. A request from any other
   * page is refused (403) before its handler runs, because without credentials its side effects
   * would happen even where CORS hides the answer (a form POST needs no preflight). Requests without
   * an `Origin` are not from a web page and pass.
   */
  origins: 'any' | 'control';
  /** Request headers a browser may send (`Access-Control-Allow-Headers`). */
  allowHeaders: readonly string[];
  /** Response headers a browser script may read beyond the safe ones. */
  exposeHeaders?: readonly string[];
};

export type RouteOptions = {
  /** The schemes a caller may use, tried in this order; the first credential the request carries decides. */
  auth: AuthScheme | readonly AuthScheme[];
  /** Default `form`. */
  body?: BodyFormat;
  /** Largest body accepted, in bytes (413 beyond it). Default 2 MB. */
  bodyLimit?: number;
  /** Cross-origin access for browsers; none by default. */
  cors?: CorsPolicy;
};

/**
 * A Twilio product (or one of the emulator's own surfaces): its routes are registered together and
 * answered at the emulator's base URL under `mount` with the product's own paths.
 */
export type Product = {
  name: string;
  /**
   * The Twilio host it stands in for (`conversations` for `conversations.twilio.com`): the redirect
   * client sends `https://<host>.twilio.com/<path>` to `<emulator><mount>/<path>`. Null for the
   * emulator's own control API.
   */
  host: string | null;
  /** Where its paths start at the emulator's base URL: `''` (Twilio's own paths) or `/mcs`. */
  mount: string;
  /**
   * The vendored OpenAPI description (`emulator/spec/<file>`) its routes must match one to one, or,
   * for products Twilio publishes none of, why its routes are the emulator's own.
   */
  spec: { file: string } | { emulatorOnly: string };
};

export type UploadedFile = { bytes: Buffer; contentType: string; filename: string | null };

export type RequestBody =
  | { kind: 'none' }
  | { kind: 'form'; value: URLSearchParams }
  | { kind: 'json'; value: JsonValue }
  | { kind: 'text'; value: string }
  | { kind: 'file'; file: UploadedFile };

/** Who is calling, as the route's auth scheme established it. */
export type Caller =
  | { scheme: 'account' }
  | {
      scheme: 'sdk-token';
      identity: string;
      claims: AccessTokenClaims;
      /** The twilsock connection the request came in on (to push to it later); null over plain HTTP. */
      peer: Peer | null;
    }
  | { scheme: 'signed-url' }
  | { scheme: 'none' };

export type SdkCaller = Extract<Caller, { scheme: 'sdk-token' }>;

export type EdgeRequest = {
  method: string;
  /** The path as requested, without the query (percent-encoded). */
  path: string;
  /** Decoded `{Name}` captures of the route's pattern. */
  params: Readonly<Record<string, string>>;
  /** Decoded query parameters; repeated keys keep every value. */
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body: RequestBody;
  /** The body's form parameters (empty unless the body is a form). */
  form: URLSearchParams;
  /** `http://<host>` as the client reached the emulator: the base of links it must follow back here. */
  baseUrl: string;
  caller: Caller;
  /** Who a domain change made by this request comes from. */
  origin: Origin;
};

export type EdgeResponse =
  | {
      status: number;
      /** JSON body; omitted for an empty one. */
      json?: unknown;
      headers?: Readonly<Record<string, string>>;
      /**
       * Runs right after the response went out, so anything it pushes to the caller arrives after the
       * response (Sync replay and `subscription_established` follow the subscription reply).
       */
      afterReply?: () => void;
    }
  | { status: number; bytes: Buffer; headers: Readonly<Record<string, string>> }
  /** A long-lived response the handler writes itself (the carrier's Server-Sent Events); HTTP only. */
  | { status: 200; stream: (res: ServerResponse) => void };

export type Handler = (request: EdgeRequest) => EdgeResponse | Promise<EdgeResponse>;

export const json = (status: number, body: unknown): EdgeResponse => ({ status, json: body });
export const noContent = (): EdgeResponse => ({ status: 204 });

/** A `{Name}` capture the route's pattern guarantees. */
export const param = (request: EdgeRequest, name: string): string => {
  const value = request.params[name];
  if (value === undefined) throw new Error(`route has no {${name}}`);
  return value;
};

/** The SDK user behind a request on a route whose only scheme is `sdk-token`. */
export const sdkCaller = (request: EdgeRequest): SdkCaller => {
  if (request.caller.scheme !== 'sdk-token') throw new Error(`${request.path} was reached without an access token`);
  return request.caller;
};
