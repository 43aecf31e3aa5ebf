import type { Core } from '../domain/core';
import { invalidParam, notFound } from '../domain/errors';
import { getMedia } from '../domain/media';
import { mediaDownloadHeaders, uploadFilename } from '../http/media-download';
import type { Router } from '../rest/router';
import { json } from '../rest/types';
import type { BlobStore } from './blob-store';
import { mediaJson } from './serialize';
import { storeMedia } from './store-media';

/**
 * Media Content Service under `/mcs/`: upload the raw file with its Content-Type, fetch metadata,
 * download the bytes. Messages reference uploads by `MediaSid`. The SDK side (MediaSet, token auth,
 * CORS) is added by the realtime layer on top of these routes and the same blob store.
 */
export const registerMediaRoutes = (router: Router, core: Core, blobs: BlobStore) => {
  const base = '/mcs/v1/Services/{ServiceSid}/Media';

  router.post(base, async (req) => {
    const serviceSid = req.params.ServiceSid ?? '';
    const contentType = req.headers['content-type']?.split(';')[0]?.trim();
    if (!contentType) throw invalidParam('Missing Content-Type header: upload the file as the raw body with its MIME type');
    if (req.body.length === 0) throw invalidParam('The request body (the file) is empty');
    core.lookup.getService(serviceSid);
    const media = await storeMedia(
      core,
      blobs,
      { serviceSid, bytes: req.body, contentType, filename: uploadFilename(req), author: req.origin.clientIdentity ?? 'system' },
      req.origin,
    );
    return json(201, mediaJson(media, core.accountSid));
  });

  router.get(`${base}/{Sid}`, (req) =>
    json(200, mediaJson(getMedia(core.ctx, req.params.ServiceSid ?? '', req.params.Sid ?? ''), core.accountSid)),
  );

  router.get(`${base}/{Sid}/Content`, (req) => {
    const media = getMedia(core.ctx, req.params.ServiceSid ?? '', req.params.Sid ?? '');
    const bytes = blobs.get(media.sid);
    if (!bytes) throw notFound(`${req.path}`);
    return { status: 200, raw: bytes, headers: mediaDownloadHeaders(media, bytes.length) };
  });
};
