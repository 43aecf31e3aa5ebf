import type { RoleType } from '../store/records';

/** Permission values per role type, from the Role resource page. */
export const PERMISSIONS: Record<RoleType, readonly string[]> = {
  service: [
    'addParticipant',
    'createConversation',
    'deleteAnyMessage',
    'deleteConversation',
    'editAnyMessage',
    'editAnyMessageAttributes',
    'editAnyUserInfo',
    'editConversationAttributes',
    'editConversationName',
    'editOwnMessage',
    'editOwnMessageAttributes',
    'editOwnUserInfo',
    'joinConversation',
    'removeParticipant',
  ],
  conversation: [
    'addParticipant',
    'deleteAnyMessage',
    'deleteOwnMessage',
    'deleteConversation',
    'editAnyMessage',
    'editAnyMessageAttributes',
    'editAnyUserInfo',
    'editConversationAttributes',
    'editConversationName',
    'editOwnMessage',
    'editOwnMessageAttributes',
    'editOwnUserInfo',
    'leaveConversation',
    'removeParticipant',
    'sendMediaMessage',
    'sendMessage',
  ],
};

/**
 * The roles every new Service starts with, as on Twilio: a service admin and user, a conversation admin
 * (given to a conversation's creator) and user (everyone else). The service configuration names them
 * as its defaults.
 */
export const DEFAULT_ROLES = {
  serviceAdmin: { friendlyName: 'Service Admin', type: 'service', permissions: [...PERMISSIONS.service] },
  serviceUser: {
    friendlyName: 'Service User',
    type: 'service',
    permissions: ['createConversation', 'joinConversation', 'editOwnMessage', 'editOwnMessageAttributes', 'editOwnUserInfo'],
  },
  conversationAdmin: {
    friendlyName: 'Conversation Admin',
    type: 'conversation',
    permissions: [...PERMISSIONS.conversation],
  },
  conversationUser: {
    friendlyName: 'Conversation User',
    type: 'conversation',
    permissions: [
      'sendMessage',
      'sendMediaMessage',
      'leaveConversation',
      'editOwnMessage',
      'editOwnMessageAttributes',
      'deleteOwnMessage',
      'editOwnUserInfo',
      'addParticipant',
    ],
  },
} as const satisfies Record<string, { friendlyName: string; type: RoleType; permissions: readonly string[] }>;
