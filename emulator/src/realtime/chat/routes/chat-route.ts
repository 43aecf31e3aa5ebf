import type { z } from 'zod';
import type { Core } from '../../../domain/core';
import { invalidParam, notFound, TwilioError } from '../../../domain/errors';
import { sdkOrigin, type Origin } from '../../../domain/origin';
import type { ConversationRecord, ParticipantRecord, ServiceRecord } from '../../../store/records';
import type { SyncEngine } from '../../sync/engine';
import type { SubscriptionHub } from '../../sync/subscription-hub';
import type { TwilsockServer } from '../../twilsock/server';
import type { RoutedRequest, RouteHandler, UpstreamResponse } from '../../upstream/types';
import { canPeek } from '../access-policy';
import type { MediaUrlSigner } from '../mcs/signed-urls';
import type { ChatProjector } from '../projection/projector';
import { chatLinks, type ChatLinks } from './links';

/** What the chat routes work with. */
export type ChatDeps = {
  core: Core;
  projector: ChatProjector;
  engine: SyncEngine;
  hub: SubscriptionHub;
  twilsock: TwilsockServer;
  mediaUrls: MediaUrlSigner;
  /** Seconds a typing indicator lasts (§9.4 `typing_timeout`). */
  typingTimeoutSeconds: number;
};

/** The SDK user behind a request: token identity in the token's chat service. */
export type Caller = {
  identity: string;
  serviceSid: string;
  service: ServiceRecord;
  /** Every SDK change carries it, so webhooks and all other adapters see `Source: SDK`. */
  origin: Origin;
  links: ChatLinks;
};

const FORBIDDEN = 20403;

export const forbidden = (message: string) => new TwilioError(FORBIDDEN, 403, message);

/**
 * Wraps a chat route: resolves the caller from the connection's token and checks that a `:serviceSid`
 * in the path is the token's own service (another service answers 404, as if absent).
 */
export function chatRoute(deps: ChatDeps, handler: (request: RoutedRequest, caller: Caller) => UpstreamResponse | Promise<UpstreamResponse>): RouteHandler {
  return (request) => handler(request, resolveCaller(deps.core, request));
}

function resolveCaller(core: Core, request: RoutedRequest): Caller {
  const serviceSid = request.caller.claims.chatServiceSid;
  const pathService = request.params.serviceSid;
  if (!serviceSid || (pathService !== undefined && pathService !== serviceSid)) throw notFound(request.path);
  const service = core.store.get('services', serviceSid);
  if (!service) throw notFound(`/Services/${serviceSid}`);
  const identity = request.caller.identity;
  return {
    identity,
    serviceSid,
    service,
    origin: sdkOrigin(identity),
    links: chatLinks(request.baseUrl, serviceSid),
  };
}

export function parseJsonBody<T>(request: RoutedRequest, schema: z.ZodType<T>): T {
  const value = request.body.kind === 'json' ? request.body.value : request.body.kind === 'none' ? {} : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidParam(`Invalid request body${issue ? `: ${issue.path.join('.')} ${issue.message}` : ''}`);
  }
  return parsed.data;
}

/** A conversation the caller may see (participant, creator or peek, §9.7); anything else is 404. */
export function visibleConversation(deps: ChatDeps, caller: Caller, sidOrUniqueName: string): ConversationRecord {
  const conversation = deps.core.lookup.findConversation(caller.serviceSid, sidOrUniqueName);
  if (!conversation || !canPeek(deps.core, caller, conversation)) throw notFound(`/Conversations/${sidOrUniqueName}`);
  return conversation;
}

/** A conversation the caller is a participant of, with that participant; anything else is 404. */
export function joinedConversation(deps: ChatDeps, caller: Caller, sidOrUniqueName: string): { conversation: ConversationRecord; participant: ParticipantRecord } {
  const conversation = deps.core.lookup.findConversation(caller.serviceSid, sidOrUniqueName);
  const participant = conversation && deps.core.lookup.participantByIdentity(conversation.sid, caller.identity);
  if (!conversation || !participant) throw notFound(`/Conversations/${sidOrUniqueName}`);
  return { conversation, participant };
}

/**
 * Role permissions (Role resource page): the caller's conversation role (as a participant) or service
 * role grants `permission`. REST callers hold account credentials and are never checked; SDK users are.
 */
export function requirePermission(deps: ChatDeps, caller: Caller, conversation: ConversationRecord | null, permission: string): void {
  const participant = conversation ? deps.core.lookup.participantByIdentity(conversation.sid, caller.identity) : undefined;
  const user = deps.core.lookup.userByIdentity(caller.serviceSid, caller.identity);
  if (!deps.core.roles.hasPermission([participant?.roleSid ?? null, user?.roleSid ?? null], permission)) {
    throw forbidden(`User '${caller.identity}' does not have permission '${permission}'`);
  }
}

export function queryString(request: RoutedRequest, name: string): string | undefined {
  const value = request.query[name];
  return typeof value === 'string' ? value : undefined;
}
