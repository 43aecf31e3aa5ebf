import { expect } from '@playwright/test';
import { DEMO } from './fixtures/auth';
import { emulatorClient, uniqueCustomerNumber } from './fixtures/emulator';
import { startSharedConversation } from './fixtures/conversations';
import { phoneMessages } from './fixtures/phone';
import { apiSession } from './fixtures/sdk';
import { test } from './fixtures/team';

// Twilio allows 30 actions per second on one conversation. Another system keeps writing in it
// at just above that rate while a supervisor's sends burst through the app: every message the
// app accepted reaches the customer exactly once, and every other one is answered 503 with
// Retry-After — never a 500, never half-sent.

const BURST = 60;
const PUMP_PER_SECOND = 35;

test('a burst of sends above Twilio’s rate limit: each accepted message delivered once, the rest 503 with Retry-After', async () => {
  test.setTimeout(120_000);
  const customer = uniqueCustomerNumber();
  const sid = await startSharedConversation({ customer, agents: [] });
  const supervisor = await apiSession({ email: DEMO.supervisor.email, password: DEMO.password });
  const conversation = emulatorClient().conversations.v1.conversations(sid);

  // The other system: its messages are paced, not retried; those Twilio took are delivered too.
  const pumped: string[] = [];
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const pump = setInterval(() => {
    const body = `integration ${sent++}`;
    const request = conversation.messages
      .create({ author: 'integration', body })
      .then(
        () => void pumped.push(body),
        (error: { status?: number }) => expect(error.status).toBe(429),
      )
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
  }, 1000 / PUMP_PER_SECOND);

  let answers;
  try {
    // A second of the window filled before the burst.
    await expect.poll(() => pumped.length, { intervals: [50] }).toBeGreaterThanOrEqual(30);
    answers = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const body = `burst ${i}`;
        const response = await supervisor.post(`/api/conversations/${sid}/messages`, { data: { body } });
        return { body, status: response.status(), retryAfter: response.headers()['retry-after'] ?? null, code: ((await response.json()) as { error?: { code: string } }).error?.code };
      }),
    );
  } finally {
    clearInterval(pump);
    await Promise.all(inFlight);
  }
  const accepted = answers.filter((a) => a.status === 201).map((a) => a.body);
  const refused = answers.filter((a) => a.status !== 201);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) expect(answer).toMatchObject({ status: 503, code: 'unavailable', retryAfter: expect.stringMatching(/^[1-9]\d*$/) });

  // Twilio holds exactly what was accepted…
  const everything = [...accepted, ...pumped].sort();
  const stored = (await conversation.messages.list({ limit: 5000 })).map((m) => m.body ?? '');
  expect([...stored].sort()).toEqual(everything);
  // …and the customer's phone gets each of those once.
  const received = async () => (await phoneMessages(customer)).filter((m) => m.direction === 'received').map((m) => m.body ?? '');
  await expect.poll(async () => (await received()).length, { timeout: 60_000 }).toBe(everything.length);
  expect([...(await received())].sort()).toEqual(everything);
});
