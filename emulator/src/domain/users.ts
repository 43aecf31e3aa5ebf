import { key } from '../store/indexes';
import type { UserRecord } from '../store/records';
import { newSid } from '../store/sid';
import { changedFields, defined, mutate, type DomainContext } from './context';
import { conflict, ERROR_CODES, missingParam } from './errors';
import type { DomainEvent } from './events';
import { getService, getUser, userByIdentity } from './lookup';
import type { Origin } from './origin';
import { serviceBucket } from './rate-limit';
import { assertRole } from './roles';
import { assertAttributes, assertMaxChars, assertNonEmpty, LIMITS } from './validate';

export type UserInput = { identity?: string; friendlyName?: string; attributes?: string; roleSid?: string };

/** A new User record; used by create and by auto-creation when an identity first joins. */
export const buildUser = (
  ctx: DomainContext,
  serviceSid: string,
  identity: string,
  fields: { friendlyName?: string | null; attributes?: string; roleSid?: string } = {},
): UserRecord => {
  const service = getService(ctx, serviceSid);
  const now = ctx.clock.isoNow();
  return {
    sid: newSid('US'),
    seq: ctx.store.nextSeq(),
    dateCreated: now,
    dateUpdated: now,
    serviceSid,
    identity,
    friendlyName: fields.friendlyName ?? null,
    attributes: fields.attributes ?? '{}',
    roleSid: fields.roleSid ?? service.configuration.defaultChatServiceRoleSid,
    isOnline: false,
    isNotifiable: false,
  };
};

export const userAddedEvent = (ctx: DomainContext, user: UserRecord, origin: Origin): DomainEvent => ({
  type: 'user.added',
  user,
  origin,
  at: ctx.clock.isoNow(),
  serviceSid: user.serviceSid,
});

const userUpdatedEvent = (ctx: DomainContext, previous: UserRecord, user: UserRecord, origin: Origin): DomainEvent => ({
  type: 'user.updated',
  user,
  previous,
  changed: changedFields(previous, user),
  origin,
  at: ctx.clock.isoNow(),
  serviceSid: user.serviceSid,
});

export const createUser = (ctx: DomainContext, serviceSid: string, input: UserInput, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => {
      getService(ctx, serviceSid);
      if (input.identity === undefined) throw missingParam('Identity');
      assertNonEmpty(input.identity, 'Identity');
      assertMaxChars(input.identity, LIMITS.identity, 'Identity');
      assertMaxChars(input.friendlyName, LIMITS.friendlyName, 'FriendlyName');
      assertAttributes(input.attributes, LIMITS.userAttributesBytes);
      if (input.roleSid !== undefined) assertRole(ctx, serviceSid, input.roleSid, 'service', 'RoleSid');
      if (userByIdentity(ctx, serviceSid, input.identity)) {
        throw conflict(ERROR_CODES.userExists, `User with provided identity already exists: '${input.identity}'`);
      }
      return input.identity;
    },
    hook: () => null,
    apply: (identity) => {
      const user = buildUser(ctx, serviceSid, identity, input);
      ctx.store.insert('users', user);
      return { result: user, events: [userAddedEvent(ctx, user, origin)] };
    },
  });

export const updateUser = (ctx: DomainContext, serviceSid: string, sidOrIdentity: string, input: UserInput, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: (mods) => {
      const current = getUser(ctx, serviceSid, sidOrIdentity);
      const fields = {
        friendlyName: input.friendlyName ?? current.friendlyName,
        attributes: input.attributes ?? current.attributes,
        roleSid: input.roleSid ?? current.roleSid,
        ...defined({ friendlyName: mods?.friendlyName, attributes: mods?.attributes, roleSid: mods?.roleSid ?? undefined }),
      };
      assertMaxChars(fields.friendlyName, LIMITS.friendlyName, 'FriendlyName');
      assertAttributes(fields.attributes, LIMITS.userAttributesBytes);
      if (input.roleSid !== undefined) assertRole(ctx, serviceSid, fields.roleSid, 'service', 'RoleSid');
      return { current, fields };
    },
    hook: ({ current, fields }) => ({ action: 'onUserUpdate', origin, serviceSid, user: current, proposed: fields }),
    apply: ({ current, fields }) => {
      const next: UserRecord = { ...current, ...fields, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('users', next);
      return {
        result: next,
        events: [userUpdatedEvent(ctx, current, next, origin)],
      };
    },
  });

/**
 * The User for an identity connecting with the SDK, created when missing: "each unique identity
 * connecting to a Conversation Service will create a User record" (User Identity page). Twilio's own
 * action, so no rate limit and no pre-action webhook. Resolves to the user, new or existing.
 */
export const ensureUser = (ctx: DomainContext, serviceSid: string, identity: string, origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      getService(ctx, serviceSid);
      assertNonEmpty(identity, 'Identity');
      assertMaxChars(identity, LIMITS.identity, 'Identity');
    },
    hook: () => null,
    apply: () => {
      const { user, events } = insertUserIfMissing(ctx, serviceSid, identity, origin);
      return { result: user, events };
    },
  });

/**
 * The write half of `ensureUser`, for changes that add an identity inside their own mutation (a
 * participant joining): the existing User, or a new one with its `user.added` event.
 */
export const insertUserIfMissing = (
  ctx: DomainContext,
  serviceSid: string,
  identity: string,
  origin: Origin,
): { user: UserRecord; events: DomainEvent[] } => {
  const existing = userByIdentity(ctx, serviceSid, identity);
  if (existing) return { user: existing, events: [] };
  const user = buildUser(ctx, serviceSid, identity);
  ctx.store.insert('users', user);
  return { user, events: [userAddedEvent(ctx, user, origin)] };
};

/**
 * Deleting a User also removes its participants from every conversation of the service, so a later join
 * starts clean (and auto-creation does not silently resurrect it).
 */
export const deleteUser = (ctx: DomainContext, serviceSid: string, sidOrIdentity: string, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => getUser(ctx, serviceSid, sidOrIdentity),
    hook: () => null,
    apply: (user) => {
      const at = ctx.clock.isoNow();
      const events: DomainEvent[] = [];
      for (const participant of ctx.store.recordsByIndex('participants', 'byServiceIdentity', key(serviceSid, user.identity))) {
        ctx.store.delete('participants', participant.sid);
        const conversation = ctx.store.get('conversations', participant.conversationSid);
        if (conversation) events.push({ type: 'participant.removed', participant, conversation, origin, at, serviceSid });
      }
      ctx.store.delete('users', user.sid);
      events.push({ type: 'user.removed', user, origin, at, serviceSid });
      return { result: undefined, events };
    },
  });

/** Reachability, set by the realtime layer when a user's SDK connects or disconnects. */
export const setUserReachability = (
  ctx: DomainContext,
  serviceSid: string,
  identity: string,
  reachability: { isOnline?: boolean; isNotifiable?: boolean },
  origin: Origin,
) =>
  mutate(ctx, {
    prepare: () => getUser(ctx, serviceSid, identity),
    hook: () => null,
    apply: (current) => {
      const next: UserRecord = { ...current, ...defined(reachability) };
      if (next.isOnline === current.isOnline && next.isNotifiable === current.isNotifiable) {
        return { result: current, events: [] };
      }
      ctx.store.replace('users', next);
      return {
        result: next,
        events: [userUpdatedEvent(ctx, current, next, origin)],
      };
    },
  });

