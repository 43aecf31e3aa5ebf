import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYONE } from '@/lib/live/audiences';
import { db } from '@/lib/db/client';
import { EventHub, type HubEvent } from '@/lib/live/event-hub';
import { publishLiveEvent } from '@/lib/live/publish-live-event';
import { startTestDatabase } from '../support/test-database';

let database: Awaited<ReturnType<typeof startTestDatabase>>;
let hub: EventHub;
beforeAll(async () => {
  database = await startTestDatabase();
  hub = new EventHub(database.url);
  await hub.start();
});
afterAll(async () => {
  await hub.close();
  await database.close();
});

/** Resolves with the next `count` events every instance hears. */
const hear = (count: number) =>
  new Promise<HubEvent[]>((resolve) => {
    const heard: HubEvent[] = [];
    const unsubscribe = hub.subscribe({
      onEvent: (event) => {
        heard.push(event);
        if (heard.length < count) return;
        unsubscribe();
        resolve(heard);
      },
      onResync: () => {},
    });
  });

const teamChanged = (n: number) => ({ kind: 'team.changed' as const, data: { userId: `user-${n}` }, audience: EVERYONE });

describe('publishing live events', () => {
  it('events published at once all reach the listeners, each once, in the order they were published', async () => {
    const heard = hear(60);
    await Promise.all(Array.from({ length: 60 }, (_, n) => publishLiveEvent(teamChanged(n))));
    expect((await heard).map((event) => (event.data as { userId: string }).userId)).toEqual(Array.from({ length: 60 }, (_, n) => `user-${n}`));
  });

  it('an event of a transaction that rolls back is never heard; those published beside it are', async () => {
    const heard = hear(2);
    await Promise.all([
      publishLiveEvent(teamChanged(1)),
      db
        .$transaction(async (tx) => {
          await publishLiveEvent({ ...teamChanged(2), tx });
          throw new Error('rolled back');
        })
        .catch(() => undefined),
      publishLiveEvent(teamChanged(3)),
    ]);
    expect((await heard).map((event) => (event.data as { userId: string }).userId)).toEqual(['user-1', 'user-3']);
  });
});
