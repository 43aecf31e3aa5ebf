import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { db } from '@/lib/db/client';
import { startTestPostgres } from '../support/test-database';

// On a real server the webhooks of one new conversation (added, participant added, retries) are
// processed at the same moment; each must succeed, or Twilio's retries pile onto a busy app.

let database: Awaited<ReturnType<typeof startTestPostgres>>;
beforeAll(async () => {
  database = await startTestPostgres();
});
afterAll(async () => database.close());

describe('webhooks of one new conversation at once, on PostgreSQL', () => {
  it('index it and make its contact once, none of them failing', async () => {
    for (let n = 0; n < 5; n++) {
      const sid = `CH${String(n).padStart(32, '0')}`;
      const address = `+1555000100${n}`;
      const attributes = JSON.stringify({ switchboard: { channel: 'sms', customer: { address }, twilioNumber: '+15017122661' } });
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          i % 2 === 0 ? recordConversation({ sid, state: 'active', attributes }) : recordConversation({ sid, binding: { addresses: [address], proxyAddress: '+15017122661', projectedAddress: null } }),
        ),
      );
      expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
      expect(await db.contactAddress.count({ where: { address } })).toBe(1);
      expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid }, select: { contactId: true } })).toMatchObject({ contactId: expect.any(String) });
    }
  });
});
