import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversation } from '@/lib/conversation-index/record-conversation';
import { recordMessage } from '@/lib/conversation-index/record-message';
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

  it('record the messages of one conversation, each once, and its times as they happened, whatever order they are processed in', async () => {
    const sid = `CH${'9'.repeat(32)}`;
    const agent = await db.user.create({ data: { id: 'race-agent', email: 'race-agent@example.com', name: 'Race Agent', passwordHash: 'x' } });
    const minute = (m: number) => new Date(Date.UTC(2026, 10, 21, 10, m));
    const messages = [1, 2, 3, 4, 5, 6, 7, 8].map((m) => ({
      conversationSid: sid,
      messageSid: `IM${String(m).padStart(32, '0')}`,
      // Customer texts, and the agent's replies at minutes 3 and 8.
      author: m === 3 || m === 8 ? agent.id : '+15550002000',
      body: `message ${m}`,
      mediaCount: 0,
      at: minute(m),
    }));
    // Every webhook twice (Twilio's retries), all at once, with the conversation's own event.
    const results = await Promise.allSettled([
      recordConversation({ sid, state: 'active', binding: { addresses: ['+15550002000'], proxyAddress: '+15017122661', projectedAddress: null } }),
      ...[...messages, ...[...messages].reverse()].map((message) => recordMessage(message)),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(await db.messageIndex.count({ where: { conversationSid: sid } })).toBe(8);
    expect(await db.conversationIndex.findUniqueOrThrow({ where: { sid } })).toMatchObject({
      customerAddress: '+15550002000',
      firstInboundAt: minute(1),
      lastInboundAt: minute(7),
      lastOutboundAt: minute(8),
      lastMessageAt: minute(8),
      lastMessagePreview: 'message 8',
    });
  });
});
