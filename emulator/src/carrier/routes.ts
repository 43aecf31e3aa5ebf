import { z } from 'zod';
import { invalidParam, notFound } from '../domain/errors';
import { parseAddress } from '../domain/validate';
import { mediaDownloadHeaders, uploadFilename } from '../http/media-download';
import type { BlobStore } from '../media/blob-store';
import { bool, list, parse, str } from '../rest/params';
import type { Router } from '../rest/router';
import { json, type RestRequest } from '../rest/types';
import type { Carrier } from './carrier';
import { streamPhoneEvents } from './phone-events';
import { carrierMediaJson, carrierMessageJson, routingJson } from './serialize';

const MessageForm = z.object({ From: str(), To: list(), Body: str(), MediaUrl: list() });
const PhoneForm = z.object({ Reachable: bool() });

/** Where the caller reached us, for absolute media URLs in answers. */
const baseUrlOf = (req: RestRequest) => `http://${req.headers.host ?? '127.0.0.1'}`;

/** `…/Carrier/Media/ME…[/Content]` or a bare `ME…` SID. */
const mediaSidOf = (url: string): string => {
  const match = /(?:^|\/Carrier\/Media\/)(ME[0-9a-fA-F]{32})(?:\/Content)?\/?$/.exec(url.trim());
  if (!match?.[1]) throw invalidParam(`'MediaUrl' must be a URL answered by POST /emulator/v1/Carrier/Media: '${url}'`);
  return match[1];
};

const addressOf = (req: RestRequest): string => parseAddress(req.params.Address ?? '', 'Address').address;

/** The carrier half of the control API (see emulator/README.md, "Carrier"). No auth: a local tool. */
export const registerCarrierRoutes = (router: Router, carrier: Carrier, blobs: BlobStore) => {
  const base = '/emulator/v1/Carrier';
  const open = { auth: false };

  router.post(
    `${base}/Media`,
    async (req) => {
      const contentType = req.headers['content-type']?.split(';')[0]?.trim();
      if (!contentType || !/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) {
        throw invalidParam('Upload the file as the raw request body with its MIME type as Content-Type');
      }
      if (req.body.length === 0) throw invalidParam('The request body (the file) is empty');
      const media = await carrier.uploadMedia({ bytes: req.body, contentType, filename: uploadFilename(req) });
      return json(201, carrierMediaJson({ ...media }, baseUrlOf(req)));
    },
    open,
  );

  router.get(
    `${base}/Media/{Sid}/Content`,
    (req) => {
      const bytes = blobs.get(req.params.Sid ?? '');
      const media = carrier.mediaOf(req.params.Sid ?? '');
      if (!bytes || !media) throw notFound(req.path);
      return { status: 200, raw: bytes, headers: mediaDownloadHeaders(media, bytes.length) };
    },
    open,
  );

  router.post(
    `${base}/Messages`,
    async (req) => {
      const f = parse(MessageForm, req.form);
      const { entry, routing } = await carrier.send({
        from: f.From,
        to: f.To ?? [],
        body: f.Body,
        mediaSids: (f.MediaUrl ?? []).map(mediaSidOf),
      });
      return json(201, { ...carrierMessageJson(entry, baseUrlOf(req)), routing: routingJson(routing) });
    },
    open,
  );

  router.get(
    `${base}/Phones/{Address}/Messages`,
    (req) => {
      const address = addressOf(req);
      return json(200, {
        address,
        reachable: carrier.isReachable(address),
        messages: carrier.messagesOf(address).map((m) => carrierMessageJson(m, baseUrlOf(req))),
      });
    },
    open,
  );

  router.get(`${base}/Phones/{Address}/Events`, (req) => ({ status: 200, stream: streamPhoneEvents(carrier, addressOf(req), baseUrlOf(req)) }), open);

  router.post(
    `${base}/Phones/{Address}/Read`,
    async (req) => {
      const address = addressOf(req);
      if (!address.startsWith('whatsapp:')) throw invalidParam(`Read receipts exist only on WhatsApp; ${address} is an SMS number`);
      return json(200, { address, read: await carrier.markRead(address) });
    },
    open,
  );

  router.get(`${base}/Phones/{Address}`, (req) => {
    const address = addressOf(req);
    return json(200, { address, reachable: carrier.isReachable(address) });
  }, open);

  router.post(
    `${base}/Phones/{Address}`,
    async (req) => {
      const address = addressOf(req);
      const f = parse(PhoneForm, req.form);
      if (f.Reachable === undefined) throw invalidParam("Missing required parameter 'Reachable' (true or false)");
      await carrier.setReachable(address, f.Reachable);
      return json(200, { address, reachable: f.Reachable });
    },
    open,
  );
};
