import { emptyOrchestratorState } from '../orchestrator/records';
import { newSid } from '../store/sid';
import type { RoleRecord, ServiceRecord, State } from '../store/records';
import { builtInContentRecords } from './content-templates';
import { DEFAULT_ROLES } from './default-roles';

type Stamp = { now: string; nextSeq: () => number };

/** A new Service with Twilio's four default roles and default configuration. */
export const buildService = (friendlyName: string, stamp: Stamp): { service: ServiceRecord; roles: RoleRecord[] } => {
  const serviceSid = newSid('IS');
  const base = () => ({ seq: stamp.nextSeq(), dateCreated: stamp.now, dateUpdated: stamp.now });
  const service: ServiceRecord = {
    sid: serviceSid,
    ...base(),
    friendlyName,
    configuration: {
      defaultConversationCreatorRoleSid: '',
      defaultConversationRoleSid: '',
      defaultChatServiceRoleSid: '',
      reachabilityEnabled: false,
    },
    notifications: {
      logEnabled: false,
      newMessage: {
        enabled: false,
        template: null,
        sound: null,
        badgeCountEnabled: false,
        withMedia: { enabled: false, template: null },
      },
      addedToConversation: { enabled: false, template: null, sound: null },
      removedFromConversation: { enabled: false, template: null, sound: null },
    },
    webhooks: { method: 'POST', filters: [], preWebhookUrl: null, postWebhookUrl: null },
  };
  const role = (def: (typeof DEFAULT_ROLES)[keyof typeof DEFAULT_ROLES]): RoleRecord => ({
    sid: newSid('RL'),
    ...base(),
    serviceSid,
    friendlyName: def.friendlyName,
    type: def.type,
    permissions: [...def.permissions],
  });
  const serviceAdmin = role(DEFAULT_ROLES.serviceAdmin);
  const serviceUser = role(DEFAULT_ROLES.serviceUser);
  const conversationAdmin = role(DEFAULT_ROLES.conversationAdmin);
  const conversationUser = role(DEFAULT_ROLES.conversationUser);
  service.configuration = {
    defaultConversationCreatorRoleSid: conversationAdmin.sid,
    defaultConversationRoleSid: conversationUser.sid,
    defaultChatServiceRoleSid: serviceUser.sid,
    reachabilityEnabled: false,
  };
  return { service, roles: [serviceAdmin, serviceUser, conversationAdmin, conversationUser] };
};

/** The state of a fresh account: one default Conversations Service, named by `/v1/Configuration`. */
export const createInitialState = (now: string): State => {
  const state: State = {
    version: 1,
    seq: 0,
    configuration: {
      defaultChatServiceSid: '',
      defaultMessagingServiceSid: newSid('MG'),
      defaultInactiveTimer: null,
      defaultClosedTimer: null,
    },
    configurationWebhooks: { method: 'POST', filters: [], preWebhookUrl: null, postWebhookUrl: null, target: 'webhook' },
    services: {},
    conversations: {},
    participants: {},
    messages: {},
    receipts: {},
    conversationWebhooks: {},
    users: {},
    roles: {},
    credentials: {},
    bindings: {},
    addressConfigurations: {},
    media: {},
    contents: {},
    whatsappSessions: {},
    messagingService: { inboundAutocreation: false },
    carrierMessages: {},
    carrierMedia: {},
    carrierDeliveries: {},
    carrierPhones: {},
    orchestrator: emptyOrchestratorState(),
  };
  const { service, roles } = buildService('Default Conversations Service', {
    now,
    nextSeq: () => ++state.seq,
  });
  state.services[service.sid] = service;
  for (const role of roles) state.roles[role.sid] = role;
  state.configuration.defaultChatServiceSid = service.sid;
  state.contents = builtInContentRecords(now, () => ++state.seq);
  return state;
};
