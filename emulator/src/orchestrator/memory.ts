import { z } from 'zod';
import { invalidParam, notFound } from '../domain/errors';
import type { OrchestratorContext } from './context';
import { newV2Id, V2_ID_PREFIX } from './ids';
import type { MemoryStoreRecord, ProfileRecord } from './records';

/**
 * The minimum of Memory (`client.memory.v1`) that GROUP_BY_PROFILE needs: stores, profiles with traits,
 * identifiers (phone, WhatsApp, email) and the lookup of profiles by identifier.
 */
export const ID_TYPES = ['phone', 'whatsapp', 'email'] as const;
export type IdType = (typeof ID_TYPES)[number];

const fail = (error: z.ZodError): never => {
  const issue = error.issues[0];
  throw invalidParam(`Invalid parameter '${issue?.path.join('.') || 'body'}': ${issue?.message ?? 'invalid'}`);
};
const read = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
  const parsed = schema.safeParse(body ?? {});
  return parsed.success ? parsed.data : fail(parsed.error);
};

const ZStore = z.object({ displayName: z.string().min(1).max(64), description: z.string().max(128).nullish() });
const ZTraits = z.record(z.string(), z.record(z.string(), z.unknown()));
const ZProfile = z.object({ traits: ZTraits.optional() });
const ZIdentifier = z.object({ idType: z.enum(ID_TYPES), value: z.string().min(1).max(320) });

/** Phone numbers compare as `+digits`; a WhatsApp identifier is the number behind `whatsapp:`; emails in lower case. */
export const normalizeIdentifier = (idType: IdType, value: string): string => {
  if (idType === 'email') return value.trim().toLowerCase();
  const bare = value.trim().replace(/^whatsapp:/i, '').replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(bare)) throw invalidParam(`Parameter 'value' is not a phone number in E.164: '${value}'`);
  return bare;
};

export const getStore = (ctx: OrchestratorContext, id: string): MemoryStoreRecord => {
  const store = ctx.state().memoryStores[id];
  if (!store) throw notFound(`/v1/ControlPlane/Stores/${id}`);
  return store;
};

export const getProfile = (ctx: OrchestratorContext, storeId: string, id: string): ProfileRecord => {
  getStore(ctx, storeId);
  const profile = ctx.state().profiles[id];
  if (!profile || profile.storeId !== storeId) throw notFound(`/v1/Stores/${storeId}/Profiles/${id}`);
  return profile;
};

export const createStore = (ctx: OrchestratorContext, body: unknown): MemoryStoreRecord => {
  const input = read(ZStore, body);
  const store: MemoryStoreRecord = {
    id: newV2Id(V2_ID_PREFIX.memoryStore),
    seq: ctx.nextSeq(),
    displayName: input.displayName,
    description: input.description ?? null,
    createdAt: ctx.clock.isoNow(),
    version: 1,
  };
  ctx.state().memoryStores[store.id] = store;
  ctx.changed();
  return store;
};

export const createProfile = (ctx: OrchestratorContext, storeId: string, body: unknown): ProfileRecord => {
  getStore(ctx, storeId);
  const input = read(ZProfile, body);
  return insertProfile(ctx, storeId, input.traits ?? {}, {});
};

const insertProfile = (ctx: OrchestratorContext, storeId: string, traits: ProfileRecord['traits'], identifiers: ProfileRecord['identifiers']) => {
  const profile: ProfileRecord = { id: newV2Id(V2_ID_PREFIX.profile), seq: ctx.nextSeq(), storeId, createdAt: ctx.clock.isoNow(), traits, identifiers };
  ctx.state().profiles[profile.id] = profile;
  ctx.changed();
  return profile;
};

export const patchProfileTraits = (ctx: OrchestratorContext, storeId: string, id: string, body: unknown): ProfileRecord => {
  const profile = getProfile(ctx, storeId, id);
  const traits = read(ZProfile, body).traits ?? {};
  const merged = { ...profile.traits };
  for (const [group, values] of Object.entries(traits)) merged[group] = { ...merged[group], ...values };
  const next = { ...profile, traits: merged };
  ctx.state().profiles[id] = next;
  ctx.changed();
  return next;
};

export const addIdentifier = (ctx: OrchestratorContext, storeId: string, profileId: string, body: unknown): { idType: IdType; values: string[] } => {
  const profile = getProfile(ctx, storeId, profileId);
  const { idType, value } = read(ZIdentifier, body);
  const normalized = normalizeIdentifier(idType, value);
  const values = [...new Set([...(profile.identifiers[idType] ?? []), normalized])];
  ctx.state().profiles[profileId] = { ...profile, identifiers: { ...profile.identifiers, [idType]: values } };
  ctx.changed();
  return { idType, values };
};

export const lookupProfiles = (ctx: OrchestratorContext, storeId: string, body: unknown): { normalizedValue: string; profiles: string[] } => {
  getStore(ctx, storeId);
  const { idType, value } = read(ZIdentifier, body);
  const normalizedValue = normalizeIdentifier(idType, value);
  return { normalizedValue, profiles: profilesWith(ctx, storeId, idType, normalizedValue).map((p) => p.id) };
};

const profilesWith = (ctx: OrchestratorContext, storeId: string, idType: IdType, normalized: string) =>
  Object.values(ctx.state().profiles)
    .filter((p) => p.storeId === storeId && (p.identifiers[idType] ?? []).includes(normalized))
    .sort((a, b) => a.seq - b.seq);

/** GROUP_BY_PROFILE: the customer's profile, looked up by the address's identifier or created with it. */
export const resolveProfile = (ctx: OrchestratorContext, storeId: string, address: string): ProfileRecord => {
  const idType: IdType = address.startsWith('whatsapp:') ? 'whatsapp' : 'phone';
  const normalized = normalizeIdentifier(idType, address);
  const [found] = profilesWith(ctx, storeId, idType, normalized);
  return found ?? insertProfile(ctx, storeId, {}, { [idType]: [normalized] });
};
