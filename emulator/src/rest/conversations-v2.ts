import { z } from 'zod';
import { invalidParam, notFound } from '../domain/errors';
import { durableWrites } from '../http/durable-writes';
import { json, param, type EdgeRequest } from '../http/route';
import type { ProductRoutes } from '../http/router';
import type { OrchestratorContext } from '../orchestrator/context';
import {
  createConfiguration,
  deleteConfiguration,
  deleteConversationOperation,
  getConfiguration,
  updateConfiguration,
  type WriteRequest,
} from '../orchestrator/control-plane';
import { actionJson, communicationJson, configurationJson, conversationJson, operationJson, participantJson } from '../orchestrator/serialize';
import { communicationByChannelId, participantsIn } from '../orchestrator/indexes';
import { tokenPage } from '../orchestrator/token-page';
import * as conversations from '../orchestrator/conversations-api';
import type { ProductRegistration } from '../products';

const bySeq = <R extends { seq: number }>(records: Iterable<R>) => [...records].sort((a, b) => a.seq - b.seq);

const writeRequest = (req: EdgeRequest): WriteRequest => ({
  method: req.method,
  path: req.path,
  idempotencyKey: req.headers['idempotency-key'],
  body: req.body.kind === 'json' ? req.body.value : req.body.kind === 'none' ? {} : invalidBody(),
});
const invalidBody = (): never => {
  throw invalidParam('The request body must be JSON');
};
const jsonBody = (req: EdgeRequest): unknown => writeRequest(req).body;

const STATUSES = z.array(z.enum(['ACTIVE', 'INACTIVE', 'CLOSED']));

/**
 * Conversations API v2: the ControlPlane (configurations and their operations) and the conversations
 * Conversation Orchestrator captures, with participants, communications and actions. JSON bodies, the
 * helper's paths and camelCase fields.
 */
export const registerConversationsV2Routes = (router: ProductRoutes, ctx: OrchestratorContext) => {
  const accountSid = ctx.core.accountSid;
  const configurations = '/v2/ControlPlane/Configurations';
  router.post(configurations, (req) => json(202, createConfiguration(ctx, writeRequest(req))));
  router.get(configurations, (req) => {
    const storeId = req.query.get('memoryStoreId');
    const all = bySeq(Object.values(ctx.state().configurations)).filter((c) => storeId === null || c.memoryStoreId === storeId);
    return tokenPage(req, 'configurations', all, configurationJson);
  });
  router.get(`${configurations}/{Id}`, (req) => json(200, configurationJson(getConfiguration(ctx, param(req, 'Id')))));
  router.put(`${configurations}/{Id}`, (req) => json(202, updateConfiguration(ctx, param(req, 'Id'), writeRequest(req), 'replace')));
  router.patch(`${configurations}/{Id}`, (req) => json(202, updateConfiguration(ctx, param(req, 'Id'), writeRequest(req), 'merge')));
  router.delete(`${configurations}/{Id}`, (req) => json(202, deleteConfiguration(ctx, param(req, 'Id'), writeRequest(req))));
  router.get('/v2/ControlPlane/Operations/{Id}', (req) => {
    const operation = ctx.state().operations[param(req, 'Id')];
    if (!operation) throw notFound(req.path);
    return json(200, operationJson(operation));
  });

  const participantsOf = (id: string) => participantsIn(ctx.state(), id);
  const conversationOut = (c: Parameters<typeof conversationJson>[1]) => conversationJson(accountSid, c, participantsOf(c.id));
  router.get('/v2/Conversations', (req) => {
    const parsed = STATUSES.safeParse(req.query.getAll('status'));
    if (!parsed.success) throw invalidParam("Parameter 'status' must be ACTIVE, INACTIVE or CLOSED");
    const statuses = parsed.data;
    const channelId = req.query.get('channelId');
    const holding = channelId === null ? null : new Set([communicationByChannelId(ctx.state(), channelId)?.conversationId]);
    const found = bySeq(Object.values(ctx.state().conversations)).filter(
      (c) => (statuses.length === 0 || statuses.includes(c.status)) && (holding === null || holding.has(c.id)),
    );
    return tokenPage(req, 'conversations', found, conversationOut);
  });
  router.post('/v2/Conversations', (req) => json(201, conversationOut(conversations.createConversation(ctx, jsonBody(req)))));
  router.get('/v2/Conversations/{Id}', (req) => json(200, conversationOut(conversations.getConversation(ctx, param(req, 'Id')))));
  router.put('/v2/Conversations/{Id}', (req) => json(200, conversationOut(conversations.updateConversation(ctx, param(req, 'Id'), jsonBody(req), 'replace'))));
  router.patch('/v2/Conversations/{Id}', (req) => json(200, conversationOut(conversations.updateConversation(ctx, param(req, 'Id'), jsonBody(req), 'merge'))));
  router.delete('/v2/Conversations/{Id}', (req) => json(202, deleteConversationOperation(ctx, param(req, 'Id'), writeRequest(req))));

  const conversation = '/v2/Conversations/{Id}';
  router.get(`${conversation}/Participants`, (req) => {
    conversations.getConversation(ctx, param(req, 'Id'));
    return tokenPage(req, 'participants', participantsOf(param(req, 'Id')), (p) => participantJson(accountSid, p));
  });
  router.post(`${conversation}/Participants`, (req) => json(201, participantJson(accountSid, conversations.addParticipant(ctx, param(req, 'Id'), jsonBody(req)))));
  router.get(`${conversation}/Participants/{ParticipantId}`, (req) =>
    json(200, participantJson(accountSid, conversations.getParticipant(ctx, param(req, 'Id'), param(req, 'ParticipantId')))),
  );
  router.put(`${conversation}/Participants/{ParticipantId}`, (req) =>
    json(200, participantJson(accountSid, conversations.updateParticipant(ctx, param(req, 'Id'), param(req, 'ParticipantId'), jsonBody(req)))),
  );

  router.get(`${conversation}/Communications`, (req) => {
    conversations.getConversation(ctx, param(req, 'Id'));
    const channelId = req.query.get('channelId');
    const found = bySeq(Object.values(ctx.state().communications)).filter(
      (c) => c.conversationId === param(req, 'Id') && (channelId === null || c.channelId === channelId),
    );
    return tokenPage(req, 'communications', found, (c) => communicationJson(accountSid, c));
  });
  router.post(`${conversation}/Communications`, (req) =>
    json(201, communicationJson(accountSid, conversations.addCommunication(ctx, param(req, 'Id'), jsonBody(req)))),
  );
  router.get(`${conversation}/Communications/{CommunicationId}`, (req) =>
    json(200, communicationJson(accountSid, conversations.getCommunication(ctx, param(req, 'Id'), param(req, 'CommunicationId')))),
  );

  router.post(`${conversation}/Actions`, (req) => json(202, actionJson(conversations.createAction(ctx, param(req, 'Id'), jsonBody(req)))));
  router.get(`${conversation}/Actions/{ActionId}`, (req) => json(200, actionJson(conversations.getAction(ctx, param(req, 'Id'), param(req, 'ActionId')))));
};

export const conversationsV2: ProductRegistration = {
  product: {
    name: 'Conversations v2',
    host: 'conversations',
    mount: '',
    spec: { emulatorOnly: 'Conversation Orchestrator (Conversations API v2): Twilio publishes no OpenAPI description of it yet; the twilio helper 6.2 models and the v2 documentation are the contract.' },
  },
  defaults: { auth: 'account', body: 'json' },
  register(router, { orchestrator }) {
    registerConversationsV2Routes(durableWrites(router, orchestrator.ctx.core.ctx.durable), orchestrator.ctx);
  },
};
