import type { z } from 'zod';
import type { Core } from '../../../domain/core';
import { invalidParam, notFound } from '../../../domain/errors';
import { sdkOrigin, type Origin } from '../../../domain/origin';
import { canPeekConversation, requirePermissions } from '../../../domain/sdk-permissions';
import { sdkCaller, type EdgeRequest, type EdgeResponse, type Handler } from '../../../http/route';
import type { Scope } from '../../../serializers/scope';
import type { ConversationRecord, ParticipantRecord, ServiceRecord } from '../../../store/records';
import type { SyncEngine } from '../../sync/engine';
import type { SubscriptionHub } from '../../sync/subscription-hub';
import type { TwilsockServer } from '../../twilsock/server';
import type { ChatProjector } from '../projection/projector';
import { chatLinks, type ChatLinks } from './links';

/** What the chat routes work with. */
export type ChatDeps = {
  core: Core;
  projector: ChatProjector;
  engine: SyncEngine;
  hub: SubscriptionHub;
  twilsock: TwilsockServer;
  /** Seconds a typing indicator lasts (`typing_timeout`). */
  typingTimeoutSeconds: number;
};

/** The SDK user behind a request: the token's identity in the token's chat service. */
export type ChatCaller = {
  identity: string;
  serviceSid: string;
  service: ServiceRecord;
  /** Every SDK change carries it, so webhooks and all other adapters see `Source: SDK`. */
  origin: Origin;
  links: ChatLinks;
  /** Resources' `url`s point at this API (the shared serializers take it). */
  scope: Scope;
};

/**
 * Wraps a chat route: resolves the caller from the token and checks that a `{ServiceSid}` in the path
 * is the token's own service (another service answers 404, as if absent).
 */
export function chatRoute(deps: ChatDeps, handler: (request: EdgeRequest, caller: ChatCaller) => EdgeResponse | Promise<EdgeResponse>): Handler {
  return (request) => handler(request, resolveCaller(deps.core, request));
}

function resolveCaller(core: Core, request: EdgeRequest): ChatCaller {
  const { identity, claims } = sdkCaller(request);
  const serviceSid = claims.chatServiceSid;
  const pathService = request.params.ServiceSid;
  if (!serviceSid || (pathService !== undefined && pathService !== serviceSid)) throw notFound(request.path);
  const service = core.store.get('services', serviceSid);
  if (!service) throw notFound(`/Services/${serviceSid}`);
  const links = chatLinks(request.baseUrl, serviceSid);
  const scope: Scope = { accountSid: core.accountSid, serviceSid, scoped: true, base: links.service };
  return { identity, serviceSid, service, origin: sdkOrigin(identity), links, scope };
}

export function parseJsonBody<T>(request: EdgeRequest, schema: z.ZodType<T>): T {
  const value = request.body.kind === 'json' ? request.body.value : request.body.kind === 'none' ? {} : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidParam(`Invalid request body${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
  }
  return parsed.data;
}

/** Checks the caller's roles (`domain/sdk-permissions.ts`); `conversation` null for service-level actions. */
export function requirePermission(deps: ChatDeps, caller: ChatCaller, conversation: ConversationRecord | null, permissions: readonly string[]): void {
  requirePermissions(deps.core.ctx, caller, conversation, permissions);
}

/** A conversation the caller may see (participant, creator or peek); anything else is 404. */
export function visibleConversation(deps: ChatDeps, caller: ChatCaller, sidOrUniqueName: string): ConversationRecord {
  const conversation = deps.core.lookup.findConversation(caller.serviceSid, sidOrUniqueName);
  if (!conversation || !canPeekConversation(deps.core.ctx, caller, conversation)) throw notFound(`/Conversations/${sidOrUniqueName}`);
  return conversation;
}

/** A conversation the caller is a participant of, with that participant; anything else is 404. */
export function joinedConversation(deps: ChatDeps, caller: ChatCaller, sidOrUniqueName: string): { conversation: ConversationRecord; participant: ParticipantRecord } {
  const conversation = deps.core.lookup.findConversation(caller.serviceSid, sidOrUniqueName);
  const participant = conversation && deps.core.lookup.participantByIdentity(conversation.sid, caller.identity);
  if (!conversation || !participant) throw notFound(`/Conversations/${sidOrUniqueName}`);
  return { conversation, participant };
}
