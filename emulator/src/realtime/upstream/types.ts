import type { AccessTokenClaims } from '../auth/access-token';
import type { JsonValue } from '../json';

/**
 * An HTTP request tunnelled through twilsock (§3.1), already decoded: path segments and query values
 * are percent-decoded here (§13.4), never by handlers.
 */
export type UpstreamRequest = {
  /** Upper-case HTTP method. */
  method: string;
  /** `http_request.host`: the host of the URL the client was given (host:port). */
  host: string;
  /** Absolute base for links handed back to the client (§13.5), e.g. `http://localhost:4510`. */
  baseUrl: string;
  /** The raw path as sent (percent-encoded). */
  path: string;
  /** Decoded path segments, without empty ones. */
  segments: readonly string[];
  /** Decoded query parameters (`http_request.params`); repeated keys are arrays. */
  query: Readonly<Record<string, string | readonly string[]>>;
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string>>;
  payloadType: string;
  body: UpstreamBody;
  /** `active_grant` (`ip_messaging` for Conversations, `data_sync` for a standalone SyncClient). */
  grant: string | null;
  caller: UpstreamCaller;
};

/**
 * §3.1/§13.4: bodies are JSON, form-encoded (typing), absent, or not what their type claims (the Sync
 * DELETE sends the string `ip_messaging` as an `application/json` body). Nothing here throws.
 */
export type UpstreamBody =
  | { kind: 'none' }
  | { kind: 'json'; value: JsonValue }
  | { kind: 'form'; value: Readonly<Record<string, string>> }
  | { kind: 'text'; value: string };

/**
 * The receiving end of a twilsock connection, as seen by handlers that push to it later (Sync
 * subscriptions, typing). `sendFrame` takes an already encoded frame so one encoding can be shared by
 * every recipient of a fan-out.
 */
export type Peer = {
  readonly id: string;
  readonly identity: string;
  /** The current token's claims (null before `init`); access checks read the chat service from it. */
  readonly claims: AccessTokenClaims | null;
  /** True between a successful `init` and the start of closing. */
  readonly isOpen: boolean;
  /** Queues a frame; false when the connection is not open (the frame is dropped). */
  sendFrame(frame: Buffer): boolean;
};

/** The twilsock connection a request came in on: who is asking, and where to push to them. */
export type UpstreamCaller = {
  readonly identity: string;
  /** The claims of the token in force when the request arrived (after any `update`). */
  readonly claims: AccessTokenClaims;
  readonly peer: Peer;
};

export type UpstreamResponse = {
  /** HTTP status, sent as `http_status` (§3.2); the twilsock status is always 200. */
  status: number;
  /** JSON-serialisable body; omitted → empty payload. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /**
   * Runs synchronously right after the reply frame is queued on the socket, so anything it sends
   * reaches the client after the reply (§8.5: replay and `subscription_established` follow the reply).
   */
  afterReply?: () => void;
};

export type RoutedRequest = UpstreamRequest & {
  /** Decoded `:name` path parameters of the matched route. */
  params: Readonly<Record<string, string>>;
};

export type RouteHandler = (request: RoutedRequest) => UpstreamResponse | Promise<UpstreamResponse>;

export type UpstreamHandler = {
  handle(request: UpstreamRequest): Promise<UpstreamResponse>;
};
