import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Core } from '../../../domain/core';
import { invalidParam, isTwilioError, notFound, TwilioError } from '../../../domain/errors';
import { sdkOrigin } from '../../../domain/origin';
import { LIMITS } from '../../../domain/validate';
import { readBody } from '../../../http/read-body';
import type { BlobStore } from '../../../media/blob-store';
import { storeMedia } from '../../../media/store-media';
import type { MediaRecord } from '../../../store/records';
import type { AccessTokenClaims, AccessTokenVerifier } from '../../auth/access-token';
import type { RealtimeLogger } from '../../logger';
import type { MediaUrlSigner } from './signed-urls';

export type SdkMediaDeps = {
  core: Core;
  blobs: BlobStore;
  verifyToken: AccessTokenVerifier;
  signer: MediaUrlSigner;
  logger: RealtimeLogger;
};

/** §10.6: every response, errors included, so a browser can read what went wrong. */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'X-Twilio-Token, Content-Type',
  'Access-Control-Expose-Headers': 'Content-Type, Content-Length',
  'Access-Control-Max-Age': '600',
};

const PATH = /^\/mcs\/v1\/Services\/([^/]+)\/(Media|MediaSet)(?:\/([^/]+)(\/Content)?)?\/?$/;

const ZMediaSet = z.object({ command: z.literal('get'), list: z.array(z.object({ media_sid: z.string() })).max(100) });

type Route = { serviceSid: string; kind: 'Media' | 'MediaSet'; mediaSid: string | undefined; content: boolean; url: URL };

/**
 * The SDK's side of MCS (§10), on the same paths as the REST helper's (`/mcs/v1/Services/{IS}/Media…`):
 * requests carrying `X-Twilio-Token` (the SDK authenticates with its access token, §7), CORS preflights,
 * `MediaSet` lookups, and signed `content_direct_temporary` downloads are answered here; anything else
 * (Basic auth from the helper) falls through to the REST listener. Returns whether it took the request.
 */
export function createSdkMediaHandler(deps: SdkMediaDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const route = matchRoute(req);
    if (!route) return false;
    void handle(deps, req, res, route).catch((error: unknown) => {
      if (isTwilioError(error)) return sendError(res, error);
      deps.logger.error('MCS request failed', error);
      sendError(res, new TwilioError(20500, 500, 'Internal Server Error'));
    });
    return true;
  };
}

function matchRoute(req: IncomingMessage): Route | null {
  const url = new URL(req.url ?? '/', 'http://emulator.local');
  const m = PATH.exec(url.pathname);
  if (!m) return null;
  const [, serviceSid = '', kind, mediaSid, content] = m;
  if (kind === 'MediaSet' && mediaSid !== undefined) return null;
  const route: Route = { serviceSid, kind: kind === 'MediaSet' ? 'MediaSet' : 'Media', mediaSid, content: content !== undefined, url };
  const signedDownload = route.content && req.method === 'GET' && url.searchParams.has('Signature');
  const sdk = req.method === 'OPTIONS' || route.kind === 'MediaSet' || req.headers['x-twilio-token'] !== undefined || signedDownload;
  return sdk ? route : null;
}

async function handle(deps: SdkMediaDeps, req: IncomingMessage, res: ServerResponse, route: Route): Promise<void> {
  if (req.method === 'OPTIONS') {
    req.resume();
    res.writeHead(204, CORS).end();
    return;
  }
  if (route.content) return download(deps, req, res, route);
  const claims = authenticate(deps, req, route.serviceSid);
  const baseUrl = `http://${req.headers.host ?? 'localhost'}`;
  if (route.kind === 'MediaSet') {
    if (req.method !== 'POST') throw methodNotAllowed();
    const body = ZMediaSet.safeParse(parseJson(await readBody(req, 64 * 1024, () => mediaTooLarge(64 * 1024))));
    if (!body.success) throw invalidParam('Expected {"command":"get","list":[{"media_sid":…}]}');
    // §9.3 / mcs:1240: one entry per requested SID; any code other than 200 fails the SDK call.
    const records = body.data.list.map(({ media_sid }) => {
      const media = visibleMedia(deps.core, route.serviceSid, media_sid, claims.identity);
      return media ? { code: 200, media_record: mediaResponse(deps, baseUrl, media) } : { code: 404, message: 'Media not found' };
    });
    return sendJson(res, 200, records);
  }
  if (route.mediaSid === undefined) {
    if (req.method !== 'POST') throw methodNotAllowed();
    return upload(deps, req, res, route, claims, baseUrl);
  }
  if (req.method !== 'GET') throw methodNotAllowed();
  const media = visibleMedia(deps.core, route.serviceSid, route.mediaSid, claims.identity);
  if (!media) throw notFound(route.url.pathname);
  sendJson(res, 200, mediaResponse(deps, baseUrl, media));
}

/** §10.1: the raw file as the body with its Content-Type; `Filename` and `Category` in the query. */
async function upload(deps: SdkMediaDeps, req: IncomingMessage, res: ServerResponse, route: Route, claims: AccessTokenClaims, baseUrl: string) {
  const contentType = req.headers['content-type']?.split(';')[0]?.trim();
  if (!contentType) throw invalidParam('Missing Content-Type: upload the file as the raw body with its MIME type');
  const category = route.url.searchParams.get('Category') ?? 'media';
  if (category !== 'media') throw invalidParam(`Category '${category}' is not supported (email is not emulated)`);
  const bytes = await readBody(req, LIMITS.mediaBytes, () => mediaTooLarge(LIMITS.mediaBytes));
  if (bytes.length === 0) throw invalidParam('The request body (the file) is empty');
  const media = await storeMedia(
    deps.core,
    deps.blobs,
    { serviceSid: route.serviceSid, bytes, contentType, filename: route.url.searchParams.get('Filename'), author: claims.identity },
    sdkOrigin(claims.identity),
  );
  sendJson(res, 201, mediaResponse(deps, baseUrl, media));
}

/**
 * §10.4: the temporary URL needs no header; its signature and expiry are the credential. `links.content`
 * with the SDK's `X-Twilio-Token` works too, for media the token's identity may see.
 */
function download(deps: SdkMediaDeps, req: IncomingMessage, res: ServerResponse, route: Route) {
  req.resume();
  if (req.method !== 'GET') throw methodNotAllowed();
  const mediaSid = route.mediaSid ?? '';
  if (route.url.searchParams.has('Signature')) {
    const check = deps.signer.verify(route.serviceSid, mediaSid, route.url.searchParams.get('Expires'), route.url.searchParams.get('Signature'));
    if (check === 'expired') throw new TwilioError(20403, 403, 'The temporary media URL has expired; request a new one');
    if (check === 'invalid') throw new TwilioError(20403, 403, 'Invalid media URL signature');
  } else if (!visibleMedia(deps.core, route.serviceSid, mediaSid, authenticate(deps, req, route.serviceSid).identity)) {
    throw notFound(route.url.pathname);
  }
  const media = deps.core.store.get('media', mediaSid);
  const bytes = media && media.serviceSid === route.serviceSid ? deps.blobs.get(media.sid) : undefined;
  if (!media || !bytes) throw notFound(route.url.pathname);
  const headers: Record<string, string> = {
    ...CORS,
    'Content-Type': media.contentType,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'private, max-age=300',
  };
  if (media.filename) headers['Content-Disposition'] = `inline; filename="${media.filename.replace(/["\\\r\n]/g, '')}"`;
  res.writeHead(200, headers).end(bytes);
}

/** §7: MCS requests carry the access token in `X-Twilio-Token`; it must be for this service. */
function authenticate(deps: SdkMediaDeps, req: IncomingMessage, serviceSid: string): AccessTokenClaims {
  const header = req.headers['x-twilio-token'];
  const token = Array.isArray(header) ? header[0] : header;
  if (!token) throw new TwilioError(20003, 401, 'Authenticate: X-Twilio-Token header required');
  const verification = deps.verifyToken(token);
  if (!verification.ok) throw new TwilioError(verification.rejection.errorCode, 401, verification.rejection.message);
  if (verification.claims.chatServiceSid !== serviceSid) throw notFound(`/Services/${serviceSid}`);
  return verification.claims;
}

/** Media its uploader may see, or that is attached to a conversation the identity is in. */
function visibleMedia(core: Core, serviceSid: string, mediaSid: string, identity: string): MediaRecord | undefined {
  const media = core.store.get('media', mediaSid);
  if (!media || media.serviceSid !== serviceSid) return undefined;
  if (media.author === identity) return media;
  return media.conversationSid !== null && core.lookup.participantByIdentity(media.conversationSid, identity) ? media : undefined;
}

/** §10.1 MediaResponse; `links.content_direct_temporary` is what `getContentTemporaryUrl()` resolves to. */
function mediaResponse(deps: SdkMediaDeps, baseUrl: string, media: MediaRecord) {
  const path = `/v1/Services/${media.serviceSid}/Media/${media.sid}`;
  return {
    sid: media.sid,
    account_sid: deps.core.accountSid,
    service_sid: media.serviceSid,
    channel_sid: media.conversationSid,
    message_sid: media.messageSid,
    date_created: media.dateCreated,
    date_upload_updated: media.dateCreated,
    date_updated: media.dateUpdated,
    size: media.size,
    content_type: media.contentType,
    filename: media.filename,
    category: 'media',
    author: media.author,
    is_multipart_upstream: false,
    url: `${baseUrl}/mcs${path}`,
    links: { content: `${path}/Content`, content_direct_temporary: deps.signer.temporaryUrl(baseUrl, media.serviceSid, media.sid) },
  };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** §10.1: `Content-Type: application/json` is required, or the SDK never parses the body. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }).end(text);
}

function sendError(res: ServerResponse, error: TwilioError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, error.status, error.toJSON());
}

const mediaTooLarge = (limit: number) => new TwilioError(20001, 413, `Media is larger than ${limit} bytes`);
const methodNotAllowed = () => new TwilioError(20004, 405, 'Method not allowed');
