import type { RoleRecord, RoleType } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { badRequest, ERROR_CODES, invalidParam, missingParam } from './errors';
import { getRole, getService } from './lookup';
import type { Origin } from './origin';
import { serviceBucket } from './rate-limit';
import { PERMISSIONS } from './default-roles';
import { assertMaxChars, LIMITS, oneOf } from './validate';

export type RoleInput = { friendlyName?: string; type?: string; permissions?: string[] };

const checkPermissions = (type: RoleType, permissions: readonly string[] | undefined): string[] => {
  if (permissions === undefined || permissions.length === 0) throw missingParam('Permission');
  for (const permission of permissions) {
    if (!PERMISSIONS[type].includes(permission)) {
      throw invalidParam(`Parameter 'Permission' has a value not valid for a ${type} role: '${permission}'`);
    }
  }
  return [...new Set(permissions)];
};

/** A role given in a request (user, participant, service defaults) must be of this service and `type`. */
export const assertRole = (ctx: DomainContext, serviceSid: string, roleSid: string, type: RoleType, param: string): void => {
  const role = ctx.store.get('roles', roleSid);
  if (!role || role.serviceSid !== serviceSid || role.type !== type) {
    throw invalidParam(`Parameter '${param}' must be a ${type} role of this service: '${roleSid}'`);
  }
};

export const createRole = (ctx: DomainContext, serviceSid: string, input: RoleInput, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => {
      getService(ctx, serviceSid);
      if (input.friendlyName === undefined) throw missingParam('FriendlyName');
      assertMaxChars(input.friendlyName, LIMITS.roleFriendlyName, 'FriendlyName');
      if (input.type === undefined) throw missingParam('Type');
      const type = oneOf<RoleType>(input.type, ['conversation', 'service'], 'Type');
      return { friendlyName: input.friendlyName, type, permissions: checkPermissions(type, input.permissions) };
    },
    hook: () => null,
    apply: (fields) => {
      const now = ctx.clock.isoNow();
      const role: RoleRecord = { sid: newSid('RL'), seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now, serviceSid, ...fields };
      ctx.store.insert('roles', role);
      return { result: role, events: [{ type: 'role.added', role, origin, at: now, serviceSid }] };
    },
  });

/** Update replaces the role's permissions with the given list, as on Twilio. */
export const updateRole = (ctx: DomainContext, serviceSid: string, roleSid: string, input: RoleInput, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => {
      const role = getRole(ctx, serviceSid, roleSid);
      return { ...role, permissions: checkPermissions(role.type, input.permissions) };
    },
    hook: () => null,
    apply: (next) => {
      const role = { ...next, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('roles', role);
      return { result: role, events: [{ type: 'role.updated', role, origin, at: role.dateUpdated, serviceSid }] };
    },
  });

/** A role the service configuration names as a default cannot be deleted. */
export const deleteRole = (ctx: DomainContext, serviceSid: string, roleSid: string, origin: Origin) =>
  mutate(ctx, {
    rate: serviceBucket(serviceSid),
    prepare: () => {
      const role = getRole(ctx, serviceSid, roleSid);
      const defaults = Object.values(getService(ctx, serviceSid).configuration);
      if (defaults.includes(role.sid)) {
        throw badRequest(ERROR_CODES.roleInUse, `Role ${role.sid} is a default role of the service and cannot be deleted`);
      }
      return role;
    },
    hook: () => null,
    apply: (role) => {
      ctx.store.delete('roles', role.sid);
      return { result: undefined, events: [{ type: 'role.removed', role, origin, at: ctx.clock.isoNow(), serviceSid }] };
    },
  });

/**
 * Whether a user may do `permission` in a conversation: the participant's conversation role or the
 * user's service role grants it. For SDK users (`sdk-permissions.ts`); REST callers hold the account credentials
 * and are never checked, as on Twilio.
 */
export const hasPermission = (
  ctx: DomainContext,
  roleSids: readonly (string | null)[],
  permission: string,
): boolean =>
  roleSids.some((sid) => sid !== null && (ctx.store.get('roles', sid)?.permissions.includes(permission) ?? false));
