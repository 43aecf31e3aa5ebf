import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ids in the style of Twilio's v2 APIs (`cfg_configuration_01h9d8r0vte3hz8tykdj329t7r`,
 * `mem_store_01k1etk2y5f1y9fpe2epfdtvv2`): a prefix and 26 lowercase Crockford base-32 characters whose
 * first is 0–7, as the seed's `^mem_(store|service)_[0-7][0-9a-z]{25}$` pattern requires.
 */
export const newV2Id = (prefix: string): string => {
  const bytes = randomBytes(26);
  let out = ALPHABET[(bytes[0] ?? 0) % 8] ?? '0';
  for (let i = 1; i < 26; i += 1) out += ALPHABET[(bytes[i] ?? 0) % 32];
  return `${prefix}_${out}`;
};

export const V2_ID_PREFIX = {
  configuration: 'cfg_configuration',
  operation: 'proc_job',
  conversation: 'conv_conversation',
  participant: 'conv_participant',
  communication: 'conv_communication',
  action: 'conv_action',
  memoryStore: 'mem_store',
  profile: 'mem_profile',
} as const;
