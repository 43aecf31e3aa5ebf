import 'server-only';
import { listConfigurations } from '@/lib/orchestration/list-configurations';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { twilioErrorOf } from '@/lib/twilio/twilio-errors';

export type MemoryIdentifier = { idType: 'phone' | 'whatsapp' | 'email'; value: string };
export type MemoryTraits = Record<string, Record<string, unknown>>;
export type FoundMemoryProfile = { lookup: 'LINKED'; storeId: string; profileId: string; traits: MemoryTraits } | { lookup: 'NONE' | 'NOT_CONFIGURED' };

/** The Memory stores the account's Conversation Orchestrator configurations group customers by. */
async function configuredStores(): Promise<string[]> {
  return [...new Set((await listConfigurations()).map((configuration) => configuration.memoryStoreId).filter((id) => id !== ''))];
}

/**
 * A 4xx other than 429 answers this one question (a store since deleted, an address Memory does
 * not take as that identifier): the next store or identifier is tried. Anything else — Twilio
 * busy, failing or unreachable — is thrown: the lookup as a whole could not be made.
 */
const isAnswerAboutRequest = (error: unknown) => {
  const { status } = twilioErrorOf(error);
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
};

/**
 * The customer's Memory profile: the first one that has one of their identifiers, searching the
 * configured stores in the configurations' order and the identifiers in the order given.
 */
export async function findMemoryProfile(identifiers: MemoryIdentifier[]): Promise<FoundMemoryProfile> {
  const storeIds = await configuredStores();
  if (storeIds.length === 0) return { lookup: 'NOT_CONFIGURED' };
  const memory = getTwilioClient().memory.v1;
  for (const storeId of storeIds) {
    for (const identifier of identifiers) {
      try {
        const [profileId] = (await memory.lookup(storeId).create(identifier)).profiles ?? [];
        if (!profileId) continue;
        const profile = await memory.profiles(storeId, profileId).fetch();
        return { lookup: 'LINKED', storeId, profileId, traits: (profile.traits ?? {}) as MemoryTraits };
      } catch (error) {
        if (!isAnswerAboutRequest(error)) throw error;
      }
    }
  }
  return { lookup: 'NONE' };
}
