import { invalidParam } from '../domain/errors';
import { json, noContent, param, type EdgeRequest } from '../http/route';
import type { ProductRegistration } from '../products';
import { fromTable, listResponse } from '../rest/route-kit';
import { approvalFetchJson, CONTENT_HOST, contentAndApprovalsJson, contentJson, whatsappApprovalJson } from './serialize';

/** The Content API's requests carry JSON bodies (the helper sends `application/json`). */
const jsonBody = (req: EdgeRequest): unknown => {
  if (req.body.kind !== 'json') throw invalidParam('Expected a JSON request body');
  return req.body.value;
};

/**
 * Twilio's Content API v1 (`content.twilio.com`), for the `twilio` helper's `client.content.v1`:
 * content resources and WhatsApp's review of them (see `domain/contents.ts`). Every operation of the
 * vendored spec (`emulator/spec/twilio_content_v1.json`, the part of Twilio's description the emulator
 * serves) is answered.
 */
export const contentV1: ProductRegistration = {
  product: { name: 'Content v1', host: 'content', mount: '', spec: { file: 'twilio_content_v1.json' } },
  defaults: { auth: 'account', body: 'json', bodyLimit: 64 * 1024 },
  register(router, { core }) {
    const now = () => core.clock.now();
    const contents = () => core.store.byIndex('contents', 'all');

    router.post('/v1/Content', async (req) => json(201, contentJson(await core.contents.createContent(jsonBody(req)), core.accountSid)));

    router.get('/v1/Content', (req) =>
      listResponse(req, { key: 'contents', sids: contents(), ...fromTable(core, 'contents'), host: CONTENT_HOST, toJson: (c) => contentJson(c, core.accountSid) }),
    );

    router.get('/v1/Content/{Sid}', (req) => json(200, contentJson(core.contents.getContent(param(req, 'Sid')), core.accountSid)));

    router.delete('/v1/Content/{Sid}', async (req) => {
      await core.contents.deleteContent(param(req, 'Sid'));
      return noContent();
    });

    router.get('/v1/Content/{Sid}/ApprovalRequests', (req) =>
      json(200, approvalFetchJson(core.contents.getContent(param(req, 'Sid')), core.accountSid, now())),
    );

    router.post('/v1/Content/{ContentSid}/ApprovalRequests/whatsapp', async (req) => {
      const content = await core.contents.submitForWhatsApp(param(req, 'ContentSid'), jsonBody(req));
      return json(201, whatsappApprovalJson(content, now()));
    });

    router.get('/v1/ContentAndApprovals', (req) =>
      listResponse(req, {
        key: 'contents',
        sids: contents(),
        ...fromTable(core, 'contents'),
        host: CONTENT_HOST,
        toJson: (c) => contentAndApprovalsJson(c, core.accountSid, now()),
      }),
    );
  },
};
