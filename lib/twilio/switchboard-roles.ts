import { conversationService, getConversationServiceSid } from './conversation-service';

// The roles Switchboard keeps in its Conversation Service (Twilio's Role resource, official
// permission names). What the UI forbids, Twilio refuses: an agent's SDK token can write only
// where the server made them a conversation's owner.

type RoleSpec = { friendlyName: string; type: 'service' | 'conversation'; permissions: readonly string[] };

export const SWITCHBOARD_ROLES = {
  /**
   * Every active team member's Twilio User. No joinConversation, createConversation or
   * addParticipant: people are added to conversations by the server only. Twilio needs at least
   * one permission per role; editing one's own messages reaches only conversations one takes
   * part in, which the server decides.
   */
  staff: { friendlyName: 'Switchboard Staff', type: 'service', permissions: ['editOwnMessage', 'editOwnMessageAttributes'] },
  /**
   * A disabled person's Twilio User. They take part in no conversation any more, and this single
   * permission (Twilio requires one) only ever applies inside a conversation one takes part in.
   */
  disabled: { friendlyName: 'Switchboard Disabled', type: 'service', permissions: ['editOwnMessageAttributes'] },
  /**
   * The owner of a conversation (the assignee, or a supervisor it was transferred to): writes and
   * tidies their own messages. Adding, removing and leaving are the server's.
   */
  owner: {
    friendlyName: 'Switchboard Owner',
    type: 'conversation',
    permissions: ['sendMessage', 'sendMediaMessage', 'editOwnMessage', 'editOwnMessageAttributes', 'deleteOwnMessage'],
  },
} as const satisfies Record<string, RoleSpec>;

export type SwitchboardRoleName = keyof typeof SWITCHBOARD_ROLES;
export type SwitchboardRoleSids = Record<SwitchboardRoleName, string>;

const globalForRoles = globalThis as unknown as { switchboardRoles?: { serviceSid: string; sids: Promise<SwitchboardRoleSids> } };

/**
 * Creates the roles that are missing and corrects the permissions of those that drifted
 * (matched by friendly name); returns their SIDs and what it changed. Idempotent.
 */
export async function ensureSwitchboardRoles(): Promise<{ sids: SwitchboardRoleSids; changes: string[] }> {
  const roles = (await conversationService()).roles;
  const existing = await roles.list({ limit: 1000 });
  const changes: string[] = [];
  const sids = {} as SwitchboardRoleSids;
  for (const [name, spec] of Object.entries(SWITCHBOARD_ROLES) as [SwitchboardRoleName, RoleSpec][]) {
    const found = existing.find((role) => role.friendlyName === spec.friendlyName && role.type === spec.type);
    if (!found) {
      sids[name] = (await roles.create({ friendlyName: spec.friendlyName, type: spec.type, permission: [...spec.permissions] })).sid;
      changes.push(`role “${spec.friendlyName}” created (${spec.permissions.join(', ')})`);
    } else {
      sids[name] = found.sid;
      if ([...found.permissions].sort().join() !== [...spec.permissions].sort().join()) {
        await roles(found.sid).update({ permission: [...spec.permissions] });
        changes.push(`role “${spec.friendlyName}” permissions set to ${spec.permissions.join(', ')}`);
      }
    }
  }
  return { sids, changes };
}

/** The roles' SIDs in the current service, made sure of once per process (and per service). */
export async function switchboardRoleSids(): Promise<SwitchboardRoleSids> {
  const serviceSid = await getConversationServiceSid();
  const cached = globalForRoles.switchboardRoles;
  if (cached?.serviceSid === serviceSid) return cached.sids;
  const sids = ensureSwitchboardRoles().then((result) => result.sids);
  globalForRoles.switchboardRoles = { serviceSid, sids };
  // A failure is not cached: the next call tries again.
  sids.catch(() => {
    if (globalForRoles.switchboardRoles?.sids === sids) globalForRoles.switchboardRoles = undefined;
  });
  return sids;
}
