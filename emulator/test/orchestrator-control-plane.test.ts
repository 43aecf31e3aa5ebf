import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rejection, setupTestEmulator } from './support/harness';

/**
 * Conversations API v2 ControlPlane through the unmodified helper: configurations answer 202 with an
 * Operation that completes asynchronously; Idempotency-Key replays; validation answers the write itself.
 */
const { emu } = setupTestEmulator({}, { resetEach: true });

const v2 = () => emu.client.conversations.v2;
const operationId = (statusUrl: string | undefined) => (statusUrl ?? '').split('/').pop() ?? '';

/** Waits for the operation behind `statusUrl` to leave PENDING (the emulator's queued work is awaited, not slept on). */
const settled = async (statusUrl: string | undefined) => {
  await emu.orchestrator.idle();
  return v2().operations(operationId(statusUrl)).fetch();
};

/** The helper types `memoryStoreId` as required; the API needs it only for GROUP_BY_PROFILE. */
const createConfig = (body: object, headers?: Record<string, string>) => v2().configurations.create(body as never, headers);

const smsConfig = (displayName: string) => ({
  displayName,
  description: 'Broadcast replies',
  conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE' as const,
  channelSettings: { SMS: { captureRules: [{ from: '*', to: emu.numbers[0] ?? '' }], statusTimeouts: { inactive: 30, closed: 1440 } } },
});

describe('ControlPlane Configurations (v2)', () => {
  it('creates through a PENDING operation that completes with the configuration it names', async () => {
    const accepted = await createConfig(smsConfig('Support Config'));
    expect(accepted.statusUrl).toMatch(/^https:\/\/conversations\.twilio\.com\/v2\/ControlPlane\/Operations\/proc_job_[0-7][0-9a-z]{25}$/);
    const configurationId = accepted.related?.configurationId ?? '';
    expect(configurationId).toMatch(/^cfg_configuration_/);
    const pending = await v2().operations(operationId(accepted.statusUrl)).fetch();
    expect(['PENDING', 'COMPLETED']).toContain(pending.status);
    const done = await settled(accepted.statusUrl);
    expect(done.status).toBe('COMPLETED');
    expect(done.related).toEqual({ configurationId });
    const fetched = await v2().configurations(configurationId).fetch();
    expect(fetched).toMatchObject({ id: configurationId, displayName: 'Support Config', version: 1, conversationGroupingType: 'GROUP_BY_PARTICIPANT_ADDRESSES_AND_CHANNEL_TYPE' });
    expect(fetched.channelSettings).toEqual({ SMS: { captureRules: [{ from: '*', to: emu.numbers[0], metadata: {} }], statusTimeouts: { inactive: 30, closed: 1440 } } });
    const listed = await v2().configurations.list();
    expect(listed.map((c) => c.id)).toEqual([configurationId]);
  });

  it('updates (PUT and PATCH) raising the version by one each, and deletes through an operation', async () => {
    const created = await createConfig(smsConfig('Original'));
    await settled(created.statusUrl);
    const id = created.related?.configurationId ?? '';
    const put = await v2().configurations(id).update({ ...smsConfig('Renamed'), description: 'second' } as never);
    expect(put.related).toEqual({ configurationId: id });
    expect((await settled(put.statusUrl)).status).toBe('COMPLETED');
    expect(await v2().configurations(id).fetch()).toMatchObject({ displayName: 'Renamed', description: 'second', version: 2 });
    const patched = await v2().configurations(id).patch({ description: 'third' } as never);
    await settled(patched.statusUrl);
    expect(await v2().configurations(id).fetch()).toMatchObject({ displayName: 'Renamed', description: 'third', version: 3 });
    const removed = await v2().configurations(id).remove();
    expect(removed.related).toEqual({ configurationId: id });
    expect((await settled(removed.statusUrl)).status).toBe('COMPLETED');
    expect((await rejection(() => v2().configurations(id).fetch())).status).toBe(404);
  });

  it('refuses a stale version at once, and fails the later of two updates queued on one version', async () => {
    const created = await createConfig(smsConfig('Locked'));
    await settled(created.statusUrl);
    const id = created.related?.configurationId ?? '';
    const stale = await rejection(() => v2().configurations(id).patch({ description: 'x', version: 7 } as never));
    expect(stale).toMatchObject({ status: 409, code: 50570 });
    // Two writers on version 1 at once: exactly one wins; the other is refused at once or its operation fails.
    const outcomes = await Promise.all(
      ['first', 'second'].map((description) =>
        v2()
          .configurations(id)
          .patch({ description, version: 1 } as never)
          .then(
            async (accepted) => (await settled(accepted.statusUrl)).status,
            (error: { status?: number }) => `refused ${error.status}`,
          ),
      ),
    );
    expect(outcomes.filter((o) => o === 'COMPLETED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'FAILED' || o === 'refused 409')).toHaveLength(1);
    expect(await v2().configurations(id).fetch()).toMatchObject({ version: 2 });
  });

  it('replays an Idempotency-Key: the same answer and no second configuration, also after completion', async () => {
    const key = randomUUID();
    const first = await createConfig(smsConfig('Once'), { 'Idempotency-Key': key });
    const again = await createConfig(smsConfig('Once'), { 'Idempotency-Key': key });
    expect(again.statusUrl).toBe(first.statusUrl);
    expect(again.related).toEqual(first.related);
    await settled(first.statusUrl);
    const afterDone = await createConfig(smsConfig('Once'), { 'Idempotency-Key': key });
    expect(afterDone.statusUrl).toBe(first.statusUrl);
    expect(await v2().configurations.list()).toHaveLength(1);
    const reused = await rejection(() => createConfig(smsConfig('Other'), { 'Idempotency-Key': key }));
    expect(reused).toMatchObject({ status: 422, code: 50571 });
    const deleteKey = randomUUID();
    const id = first.related?.configurationId ?? '';
    const removal = await v2().configurations(id).remove({ idempotencyKey: deleteKey });
    expect((await v2().configurations(id).remove({ idempotencyKey: deleteKey })).statusUrl).toBe(removal.statusUrl);
    // After 24 hours the key is forgotten: it may name a new request.
    emu.clock.advance(24 * 60 * 60 * 1000);
    const renewed = await createConfig(smsConfig('Other'), { 'Idempotency-Key': key });
    expect(renewed.statusUrl).not.toBe(first.statusUrl);
  });

  it('answers bad input with a 400 in Twilio’s error shape, creating nothing', async () => {
    const cases: Record<string, unknown>[] = [
      { ...smsConfig('x'), displayName: 'no/slashes' },
      { ...smsConfig('x'), displayName: 'a'.repeat(33) },
      { ...smsConfig('x'), conversationGroupingType: 'GROUP_BY_MOOD' },
      { ...smsConfig('x'), conversationGroupingType: 'GROUP_BY_PROFILE' },
      { ...smsConfig('x'), memoryStoreId: 'mem_store_01k1etk2y5f1y9fpe2epfdtvv2' },
      { ...smsConfig('x'), channelSettings: { FAX: {} } },
      { ...smsConfig('x'), channelSettings: { WHATSAPP: { captureRules: [{ from: '+15550001111', to: '*' }] } } },
      { ...smsConfig('x'), channelSettings: { SMS: { statusTimeouts: { inactive: 30, closed: 10 } } } },
      { ...smsConfig('x'), conversationsV1Bridge: { serviceId: 'IS00000000000000000000000000000000' } },
    ];
    for (const body of cases) {
      const refused = await rejection(() => createConfig(body as never));
      expect(refused, JSON.stringify(body)).toMatchObject({ status: 400, code: 20001 });
    }
    expect(await rejection(() => createConfig(smsConfig('x'), { 'Idempotency-Key': 'not-a-uuid' }))).toMatchObject({ status: 400 });
    expect(await v2().configurations.list()).toEqual([]);
  });

  it('requires a memory store only for GROUP_BY_PROFILE, and filters the list by it', async () => {
    const store = await emu.client.memory.v1.stores.create({ displayName: 'customers' });
    const byProfile = await createConfig({ ...smsConfig('Profiles'), conversationGroupingType: 'GROUP_BY_PROFILE', memoryStoreId: store.id });
    const plain = await createConfig(smsConfig('Plain'));
    await emu.orchestrator.idle();
    const filtered = await v2().configurations.list({ memoryStoreId: store.id ?? '' });
    expect(filtered.map((c) => c.id)).toEqual([byProfile.related?.configurationId]);
    expect(await v2().configurations.list()).toHaveLength(2);
    expect(plain.related?.configurationId).toBeTruthy();
  });
});
