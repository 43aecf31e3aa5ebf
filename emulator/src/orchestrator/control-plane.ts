import { TwilioError, invalidParam, notFound } from '../domain/errors';
import { parseConfigurationBody, toConfigurationFields } from './configuration-rules';
import { operationUrl, type OrchestratorContext } from './context';
import { newV2Id, V2_ID_PREFIX } from './ids';
import type { ConfigurationRecord, OperationError, OperationRecord } from './records';

/** Twilio keeps an idempotency key for 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Codes the docs do not name; chosen in the Conversations range (see emulator/README.md). */
export const V2_ERROR_CODES = { versionConflict: 50570, idempotencyKeyReused: 50571 } as const;

export type AcceptedWrite = { statusUrl: string; related: Record<string, string> };

export type WriteRequest = { method: string; path: string; idempotencyKey: string | undefined; body: unknown };

/** JSON with sorted keys, so two bodies that differ only in key order are the same request. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

const accepted = (operation: OperationRecord): AcceptedWrite => ({ statusUrl: operationUrl(operation.id), related: operation.related });

/**
 * Every ControlPlane write: the Idempotency-Key replay (same key and request within 24 h → the original
 * answer; same key, other request → refused), then validation (a 4xx answers the write itself), then a
 * PENDING operation that a moment later completes or fails.
 */
const acceptWrite = (ctx: OrchestratorContext, request: WriteRequest, plan: () => Pick<OperationRecord, 'work' | 'related'>): AcceptedWrite => {
  const state = ctx.state();
  const now = ctx.clock.now();
  const key = request.idempotencyKey;
  const fingerprint = `${request.method} ${request.path} ${canonical(request.body ?? null)}`;
  if (key !== undefined) {
    if (!UUID.test(key)) throw invalidParam("Header 'Idempotency-Key' must be a UUID");
    const previous = state.idempotency[key];
    if (previous && now - previous.at < IDEMPOTENCY_TTL_MS) {
      if (previous.fingerprint !== fingerprint) {
        throw new TwilioError(V2_ERROR_CODES.idempotencyKeyReused, 422, 'This Idempotency-Key was already used with a different request');
      }
      const operation = state.operations[previous.operationId];
      if (operation) return accepted(operation);
    }
  }
  const { work, related } = plan();
  const operation: OperationRecord = {
    id: newV2Id(V2_ID_PREFIX.operation),
    seq: ctx.nextSeq(),
    status: 'PENDING',
    createdAt: ctx.clock.isoNow(),
    completedAt: null,
    related,
    error: null,
    work,
  };
  state.operations[operation.id] = operation;
  if (key !== undefined) {
    for (const [k, record] of Object.entries(state.idempotency)) if (now - record.at >= IDEMPOTENCY_TTL_MS) delete state.idempotency[k];
    state.idempotency[key] = { fingerprint, operationId: operation.id, at: now };
  }
  ctx.changed();
  ctx.later(() => completeOperation(ctx, operation.id));
  return accepted(operation);
};

const serviceExists = (ctx: OrchestratorContext) => (sid: string) => ctx.core.store.get('services', sid) !== undefined;

export const getConfiguration = (ctx: OrchestratorContext, id: string): ConfigurationRecord => {
  const found = ctx.state().configurations[id];
  if (!found) throw notFound(`/v2/ControlPlane/Configurations/${id}`);
  return found;
};

export const createConfiguration = (ctx: OrchestratorContext, request: WriteRequest): AcceptedWrite =>
  acceptWrite(ctx, request, () => {
    const fields = toConfigurationFields(parseConfigurationBody(request.body), ctx.state(), serviceExists(ctx));
    return { work: { kind: 'config-create', fields }, related: { configurationId: newV2Id(V2_ID_PREFIX.configuration) } };
  });

/** PUT replaces every field; PATCH merges the body over the current configuration. */
export const updateConfiguration = (ctx: OrchestratorContext, id: string, request: WriteRequest, mode: 'replace' | 'merge'): AcceptedWrite =>
  acceptWrite(ctx, request, () => {
    const current = getConfiguration(ctx, id);
    const body = parseConfigurationBody(request.body, mode === 'merge' ? current : undefined);
    if (body.version !== undefined && body.version !== current.version) {
      throw new TwilioError(V2_ERROR_CODES.versionConflict, 409, `Configuration ${id} is at version ${current.version}, not ${body.version}`);
    }
    const fields = toConfigurationFields(body, ctx.state(), serviceExists(ctx));
    return { work: { kind: 'config-update', fields, expectedVersion: current.version }, related: { configurationId: id } };
  });

export const deleteConfiguration = (ctx: OrchestratorContext, id: string, request: WriteRequest): AcceptedWrite =>
  acceptWrite(ctx, request, () => {
    getConfiguration(ctx, id);
    return { work: { kind: 'config-delete' }, related: { configurationId: id } };
  });

export const deleteConversationOperation = (ctx: OrchestratorContext, id: string, request: WriteRequest): AcceptedWrite =>
  acceptWrite(ctx, request, () => {
    if (!ctx.state().conversations[id]) throw notFound(`/v2/Conversations/${id}`);
    return { work: { kind: 'conversation-delete' }, related: { conversationId: id } };
  });

const failure = (status: number, title: string, detail: string, instance: string): OperationError => ({
  type: `https://www.twilio.com/docs/errors/${status === 409 ? V2_ERROR_CODES.versionConflict : 20404}`,
  title,
  status,
  detail,
  instance,
});

/** Applies a PENDING operation once: COMPLETED, or FAILED with the reason (a conflict, a vanished target). */
export const completeOperation = (ctx: OrchestratorContext, operationId: string): void => {
  const state = ctx.state();
  const operation = state.operations[operationId];
  if (!operation || operation.status !== 'PENDING') return;
  const now = ctx.clock.isoNow();
  const configurationId = operation.related.configurationId ?? '';
  const instance = `/v2/ControlPlane/Configurations/${configurationId}`;
  let error: OperationError | null = null;
  const work = operation.work;
  if (work.kind === 'config-create') {
    state.configurations[configurationId] = { ...work.fields, id: configurationId, seq: ctx.nextSeq(), createdAt: now, updatedAt: now, version: 1 };
  } else if (work.kind === 'config-update') {
    const current = state.configurations[configurationId];
    if (!current) error = failure(404, 'Not Found', `Configuration ${configurationId} was deleted`, instance);
    else if (current.version !== work.expectedVersion) {
      error = failure(409, 'Conflict', `Configuration ${configurationId} changed to version ${current.version} first`, instance);
    } else state.configurations[configurationId] = { ...current, ...work.fields, updatedAt: now, version: current.version + 1 };
  } else if (work.kind === 'config-delete') {
    if (!state.configurations[configurationId]) error = failure(404, 'Not Found', `Configuration ${configurationId} was deleted`, instance);
    else delete state.configurations[configurationId];
  } else {
    removeConversation(ctx, operation.related.conversationId ?? '');
  }
  state.operations[operationId] = { ...operation, status: error ? 'FAILED' : 'COMPLETED', completedAt: now, error };
  ctx.changed();
  ctx.rearm();
};

/** A conversation and everything in it. */
export const removeConversation = (ctx: OrchestratorContext, id: string): void => {
  const state = ctx.state();
  const conversation = state.conversations[id];
  if (!conversation) return;
  if (conversation.groupKey && state.groups[conversation.groupKey] === id) delete state.groups[conversation.groupKey];
  for (const table of [state.participants, state.communications, state.actions]) {
    for (const [key, record] of Object.entries(table)) if (record.conversationId === id) delete table[key];
  }
  delete state.conversations[id];
  ctx.changed();
};

/** Operations still PENDING after a restart finish now. */
export const resumeOperations = (ctx: OrchestratorContext): void => {
  for (const operation of Object.values(ctx.state().operations)) if (operation.status === 'PENDING') ctx.later(() => completeOperation(ctx, operation.id));
};
