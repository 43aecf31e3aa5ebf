import type { BindingRecord, CredentialRecord } from '../store/records';
import { newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { missingParam, notFound } from './errors';
import { getService } from './lookup';
import type { Origin } from './origin';
import { assertMaxChars, oneOf } from './validate';

/** Push credentials (account level) and push bindings (per service). Stored, never used to push. */

export type CredentialInput = {
  type?: string;
  friendlyName?: string;
  certificate?: string;
  privateKey?: string;
  sandbox?: boolean;
  apiKey?: string;
  secret?: string;
};

export const getCredential = (ctx: DomainContext, sid: string): CredentialRecord => {
  const credential = ctx.store.get('credentials', sid);
  if (!credential) throw notFound(`/Credentials/${sid}`);
  return credential;
};

const TYPES = ['apn', 'gcm', 'fcm'] as const;

const fields = (input: CredentialInput, base?: CredentialRecord) => {
  assertMaxChars(input.friendlyName, 64, 'FriendlyName');
  const s = base?.secretMaterial;
  return {
    type: input.type === undefined ? (base?.type ?? 'fcm') : oneOf(input.type, TYPES, 'Type'),
    friendlyName: input.friendlyName ?? base?.friendlyName ?? null,
    sandbox: input.sandbox ?? base?.sandbox ?? null,
    secretMaterial: {
      certificate: input.certificate ?? s?.certificate ?? null,
      privateKey: input.privateKey ?? s?.privateKey ?? null,
      apiKey: input.apiKey ?? s?.apiKey ?? null,
      secret: input.secret ?? s?.secret ?? null,
    },
  };
};

export const createCredential = (ctx: DomainContext, input: CredentialInput, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      if (input.type === undefined) throw missingParam('Type');
      return fields(input);
    },
    hook: () => null,
    apply: (f) => {
      const now = ctx.clock.isoNow();
      const credential: CredentialRecord = { sid: newSid('CR'), seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now, ...f };
      ctx.store.insert('credentials', credential);
      return { result: credential, events: [] };
    },
  });

export const updateCredential = (ctx: DomainContext, sid: string, input: CredentialInput, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      const current = getCredential(ctx, sid);
      return { ...current, ...fields(input, current) };
    },
    hook: () => null,
    apply: (next) => {
      const credential = { ...next, dateUpdated: ctx.clock.isoNow() };
      ctx.store.replace('credentials', credential);
      return { result: credential, events: [] };
    },
  });

export const deleteCredential = (ctx: DomainContext, sid: string, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => getCredential(ctx, sid),
    hook: () => null,
    apply: (credential) => {
      ctx.store.delete('credentials', credential.sid);
      return { result: undefined, events: [] };
    },
  });

export const getBinding = (ctx: DomainContext, serviceSid: string, sid: string): BindingRecord => {
  const binding = ctx.store.get('bindings', sid);
  if (!binding || binding.serviceSid !== serviceSid) throw notFound(`/Services/${serviceSid}/Bindings/${sid}`);
  return binding;
};

export type BindingInput = Pick<BindingRecord, 'identity' | 'endpoint' | 'bindingType' | 'credentialSid' | 'messageTypes'>;

/**
 * Registers a push binding for an identity and endpoint (replacing one for the same endpoint). The SDK
 * does this over twilsock; REST can only read and delete bindings.
 */
export const registerBinding = (ctx: DomainContext, serviceSid: string, input: BindingInput, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      getService(ctx, serviceSid);
      return ctx.store
        .recordsByIndex('bindings', 'byService', serviceSid)
        .find((b) => b.endpoint === input.endpoint && b.identity === input.identity && b.bindingType === input.bindingType);
    },
    hook: () => null,
    apply: (existing) => {
      const now = ctx.clock.isoNow();
      if (existing) {
        const binding = { ...existing, ...input, dateUpdated: now };
        ctx.store.replace('bindings', binding);
        return { result: binding, events: [] };
      }
      const binding: BindingRecord = { sid: newSid('BS'), seq: ctx.store.nextSeq(), dateCreated: now, dateUpdated: now, serviceSid, ...input };
      ctx.store.insert('bindings', binding);
      return { result: binding, events: [] };
    },
  });

export const deleteBinding = (ctx: DomainContext, serviceSid: string, sid: string, _origin: Origin) =>
  mutate(ctx, {
    prepare: () => getBinding(ctx, serviceSid, sid),
    hook: () => null,
    apply: (binding) => {
      ctx.store.delete('bindings', binding.sid);
      return { result: undefined, events: [] };
    },
  });
