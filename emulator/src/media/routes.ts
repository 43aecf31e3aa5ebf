import { z } from 'zod';
import type { Core } from '../domain/core';
import { invalidParam, notFound } from '../domain/errors';
import { getMedia } from '../domain/media';
import { canSeeMedia } from '../domain/sdk-permissions';
import { LIMITS } from '../domain/validate';
import { mediaDownloadHeaders } from '../http/media-download';
import { json, param, type CorsPolicy, type EdgeRequest } from '../http/route';
import type { ProductRegistration } from '../products';
import type { MediaRecord } from '../store/records';
import { mediaJson, mediaPath } from './serialize';
import { storeMedia } from './store-media';

/** Media guide: "The temporary URLs are valid for 300 seconds. You can request a new temporary URL at any time." */
export const TEMPORARY_URL_TTL_MS = 300_000;

/** Browsers call MCS directly (the SDK's XHR uploads and downloads): every response must be readable. */
const MCS_CORS: CorsPolicy = { origins: 'any', allowHeaders: ['X-Twilio-Token', 'Content-Type'], exposeHeaders: ['Content-Type', 'Content-Length'] };

const ZMediaSet = z.object({ command: z.literal('get'), list: z.array(z.object({ media_sid: z.string() })).max(100) });

/** Where MCS lives at the emulator's base URL (it has its own host at Twilio). */
const MOUNT = '/mcs';

/**
 * The Media Content Service, for the `twilio` helper (account credentials) and the SDK (its access
 * token in `X-Twilio-Token`) alike: upload a file (raw bytes with their type, or one file of a
 * multipart form), fetch its metadata, look several up at once (`MediaSet`), download the content.
 * An SDK user sees only media of its token's service that it uploaded or that belongs to a conversation
 * it is in; anything else answers 404, as if absent. A temporary content URL is its own credential.
 */
export const mediaContentService: ProductRegistration = {
  product: {
    name: 'Media Content Service',
    host: 'mcs',
    mount: MOUNT,
    spec: { emulatorOnly: 'Twilio publishes no OpenAPI description of MCS; its paths and fields follow the Media resource page' },
  },
  defaults: { auth: ['account', 'sdk-token'], body: 'none', cors: MCS_CORS },
  register(router, { core, blobs, urls }) {
    const base = '/v1/Services/{ServiceSid}/Media';
    const render = (req: EdgeRequest, media: MediaRecord) =>
      mediaJson(media, core.accountSid, urls.sign(req.baseUrl, `${MOUNT}${mediaPath(media)}/Content`));

    router.post(
      base,
      async (req) => {
        const serviceSid = serviceOf(core, req);
        if (req.body.kind !== 'file') throw invalidParam('The request body (the file) is empty');
        const { bytes, contentType, filename } = req.body.file;
        if (!contentType) throw invalidParam('Missing Content-Type: upload the file as the raw body with its MIME type');
        const category = req.query.get('Category') ?? 'media';
        if (category !== 'media') throw invalidParam(`Category '${category}' is not supported (email is not emulated)`);
        const author = req.caller.scheme === 'sdk-token' ? req.caller.identity : 'system';
        const media = await storeMedia(core, blobs, { serviceSid, bytes, contentType, filename, author }, req.origin);
        return json(201, render(req, media));
      },
      { body: 'file', bodyLimit: LIMITS.mediaBytes },
    );

    router.get(`${base}/{Sid}`, (req) => json(200, render(req, visibleMedia(core, req, param(req, 'Sid')))));

    router.get(
      `${base}/{Sid}/Content`,
      (req) => {
        const media = visibleMedia(core, req, param(req, 'Sid'));
        const bytes = blobs.get(media.sid);
        if (!bytes) throw notFound(req.path);
        return { status: 200, bytes, headers: { ...mediaDownloadHeaders(media, bytes.length), 'Cache-Control': 'private, max-age=300' } };
      },
      { auth: ['signed-url', 'account', 'sdk-token'] },
    );

    // The SDK's `getTemporaryContentUrlsForMedia…`: one entry per SID; any code but 200 fails its call.
    router.post(
      '/v1/Services/{ServiceSid}/MediaSet',
      (req) => {
        const serviceSid = serviceOf(core, req);
        const body = ZMediaSet.safeParse(req.body.kind === 'json' ? req.body.value : undefined);
        if (!body.success) throw invalidParam('Expected {"command":"get","list":[{"media_sid":…}]}');
        const records = body.data.list.map(({ media_sid }) => {
          const media = core.store.get('media', media_sid);
          return media && media.serviceSid === serviceSid && mayRead(core, req, media)
            ? { code: 200, media_record: render(req, media) }
            : { code: 404, message: 'Media not found' };
        });
        return json(200, records);
      },
      { body: 'json', bodyLimit: 64 * 1024 },
    );
  },
};

/** The path's service; an SDK token only reaches its own (another answers 404, as if absent). */
function serviceOf(core: Core, req: EdgeRequest): string {
  const serviceSid = param(req, 'ServiceSid');
  if (req.caller.scheme === 'sdk-token' && req.caller.claims.chatServiceSid !== serviceSid) throw notFound(`/Services/${serviceSid}`);
  core.lookup.getService(serviceSid);
  return serviceSid;
}

function mayRead(core: Core, req: EdgeRequest, media: MediaRecord): boolean {
  if (req.caller.scheme !== 'sdk-token') return true;
  return canSeeMedia(core.ctx, { serviceSid: media.serviceSid, identity: req.caller.identity }, media);
}

function visibleMedia(core: Core, req: EdgeRequest, mediaSid: string): MediaRecord {
  const media = getMedia(core.ctx, serviceOf(core, req), mediaSid);
  if (!mayRead(core, req, media)) throw notFound(req.path);
  return media;
}
