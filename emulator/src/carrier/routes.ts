import { z } from 'zod';
import { invalidParam, notFound } from '../domain/errors';
import { parseAddress } from '../domain/validate';
import { mediaDownloadHeaders } from '../http/media-download';
import { json, type EdgeRequest } from '../http/route';
import type { ProductRoutes } from '../http/router';
import type { BlobStore } from '../media/blob-store';
import { bool, int, list, parse, str } from '../rest/params';
import type { Carrier } from './carrier';
import { streamPhoneEvents } from './phone-events';
import { carrierMediaJson, carrierMessageJson, routingJson } from './serialize';

const MessageForm = z.object({ From: str(), To: list(), Body: str(), MediaUrl: list() });
const PhoneForm = z.object({ Reachable: bool() });
const DelaysForm = z.object({ SentDelayMs: int(), DeliveredDelayMs: int() });
const MAX_DELAY_MS = 600_000;


/** `…/Carrier/Media/ME…[/Content]` or a bare `ME…` SID. */
const mediaSidOf = (url: string): string => {
  const match = /(?:^|\/Carrier\/Media\/)(ME[0-9a-fA-F]{32})(?:\/Content)?\/?$/.exec(url.trim());
  if (!match?.[1]) throw invalidParam(`'MediaUrl' must be a URL answered by POST /emulator/v1/Carrier/Media: '${url}'`);
  return match[1];
};

const addressOf = (req: EdgeRequest): string => parseAddress(req.params.Address ?? '', 'Address').address;

/** A WhatsApp file may be 16 MB. */
const CARRIER_MEDIA_LIMIT = 16 * 1024 * 1024;

/** The carrier half of the control API (see emulator/README.md, "Carrier"). No auth: a local tool. */
export const registerCarrierRoutes = (router: ProductRoutes, carrier: Carrier, blobs: BlobStore) => {
  const base = '/emulator/v1/Carrier';

  router.post(
    `${base}/Media`,
    async (req) => {
      if (req.body.kind !== 'file') throw invalidParam('The request body (the file) is empty');
      const { bytes, contentType, filename } = req.body.file;
      if (!/^[\w.+-]+\/[\w.+-]+$/.test(contentType)) {
        throw invalidParam('Upload the file as the raw request body with its MIME type as Content-Type');
      }
      const media = await carrier.uploadMedia({ bytes, contentType, filename });
      return json(201, carrierMediaJson({ ...media }, req.baseUrl));
    },
    { body: 'file', bodyLimit: CARRIER_MEDIA_LIMIT },
  );

  router.get(
    `${base}/Media/{Sid}/Content`,
    (req) => {
      const bytes = blobs.get(req.params.Sid ?? '');
      const media = carrier.mediaOf(req.params.Sid ?? '');
      if (!bytes || !media) throw notFound(req.path);
      return { status: 200, bytes, headers: mediaDownloadHeaders(media, bytes.length) };
    },
  );

  const delaysJson = () => {
    const { sentMs, deliveredMs } = carrier.receiptDelays();
    return { sent_delay_ms: sentMs, delivered_delay_ms: deliveredMs };
  };
  router.get(`${base}/Delays`, () => json(200, delaysJson()));
  router.post(`${base}/Delays`, (req) => {
    const f = parse(DelaysForm, req.form);
    const current = carrier.receiptDelays();
    for (const [name, value] of [['SentDelayMs', f.SentDelayMs], ['DeliveredDelayMs', f.DeliveredDelayMs]] as const) {
      if (value !== undefined && (value < 0 || value > MAX_DELAY_MS)) throw invalidParam(`Invalid parameter '${name}': milliseconds from 0 to ${MAX_DELAY_MS}`);
    }
    carrier.setReceiptDelays({ sentMs: f.SentDelayMs ?? current.sentMs, deliveredMs: f.DeliveredDelayMs ?? current.deliveredMs });
    return json(200, delaysJson());
  });

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
      return json(201, { ...carrierMessageJson(entry, req.baseUrl), routing: routingJson(routing) });
    }
  );

  router.get(
    `${base}/Phones/{Address}/Messages`,
    (req) => {
      const address = addressOf(req);
      return json(200, {
        address,
        reachable: carrier.isReachable(address),
        messages: carrier.messagesOf(address).map((m) => carrierMessageJson(m, req.baseUrl)),
      });
    }
  );

  router.get(`${base}/Phones/{Address}/Events`, (req) => ({ status: 200, stream: streamPhoneEvents(carrier, addressOf(req), req.baseUrl) }));

  router.post(
    `${base}/Phones/{Address}/Read`,
    async (req) => {
      const address = addressOf(req);
      if (!address.startsWith('whatsapp:')) throw invalidParam(`Read receipts exist only on WhatsApp; ${address} is an SMS number`);
      return json(200, { address, read: await carrier.markRead(address) });
    }
  );

  router.get(`${base}/Phones/{Address}`, (req) => {
    const address = addressOf(req);
    return json(200, { address, reachable: carrier.isReachable(address) });
  });

  router.post(
    `${base}/Phones/{Address}`,
    async (req) => {
      const address = addressOf(req);
      const f = parse(PhoneForm, req.form);
      if (f.Reachable === undefined) throw invalidParam("Missing required parameter 'Reachable' (true or false)");
      await carrier.setReachable(address, f.Reachable);
      return json(200, { address, reachable: f.Reachable });
    }
  );
};
