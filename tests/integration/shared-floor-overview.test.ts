import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { EVERYONE } from '@/lib/live/audiences';
import { eventHub } from '@/lib/live/event-hub';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import { readFloorOverviewJsonAfter } from '@/lib/supervision/shared-floor-overview';
import { startTestDatabase } from '../support/test-database';

// The instance's hub is process-wide; test files share processes, so this file starts its own.
const forgetHub = async () => {
  const global = globalThis as { switchboardEventHub?: { close(): Promise<void> } };
  await global.switchboardEventHub?.close();
  delete global.switchboardEventHub;
};

let database: Awaited<ReturnType<typeof startTestDatabase>>;
beforeAll(async () => {
  await forgetHub();
  database = await startTestDatabase();
  await eventHub().start();
});
afterAll(async () => {
  await forgetHub();
  await database.close();
});

/** Publishes a floor change and resolves with its event id once this instance has heard it. */
const announce = (n: number) =>
  new Promise<string>((resolve, reject) => {
    const unsubscribe = eventHub().subscribe({
      onEvent: (event) => {
        if ((event.data as { userId?: string }).userId !== `user-${n}`) return;
        unsubscribe();
        resolve(event.id);
      },
      onResync: () => {},
    });
    publishLiveEvent({ kind: 'team.changed', data: { userId: `user-${n}` }, audience: EVERYONE }).catch(reject);
  });
const sidsIn = (json: string) => (JSON.parse(json) as { conversations: { sid: string }[] }).conversations.map((conversation) => conversation.sid);

describe('the floor, shared by the consoles that refetch', () => {
  it('a console told of a change gets a floor that has it, even while an earlier read is under way', async () => {
    const earlier = readFloorOverviewJsonAfter(await announce(1));
    const queued = `CH${'9'.repeat(32)}`;
    await db.conversationIndex.create({ data: { sid: queued, queuedAt: new Date() } });
    const told = await announce(2);
    const [a, b] = await Promise.all([readFloorOverviewJsonAfter(told), readFloorOverviewJsonAfter(told)]);
    expect(sidsIn(a)).toContain(queued);
    expect(sidsIn(b)).toContain(queued);
    await expect(earlier).resolves.toBeTypeOf('string');
  });
});
