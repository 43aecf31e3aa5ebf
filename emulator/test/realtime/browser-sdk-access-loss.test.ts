import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdRequests, itemsReadOf } from './sdk/support/held-requests';
import { setupSdkEmulator, type SdkEmulator } from './sdk/support/sdk-harness';
import { useSdkBrowser } from './support/sdk-browser';

/**
 * Conversations taken away from an agent whose inbox runs the SDK's browser bundle in Debian Chromium:
 * the page must never see an uncaught error ("Uncaught (in promise)" in the agent's console), however
 * the move races with what the SDK is still reading.
 */
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>SDK transfers</title>
<script src="/sdk.js"></script>
<script>
window.uncaught = [];
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason;
  window.uncaught.push('unhandled rejection: ' + (reason && reason.message ? reason.message : String(reason)));
});
window.addEventListener('error', (event) => window.uncaught.push('error: ' + event.message));
window.harness = {
  client: null,
  counts: {},
  left: {},
  waiters: [],
  async connect(token, options) {
    const client = new Twilio.Conversations.Client(token, options);
    this.client = client;
    client.on('conversationJoined', (c) => this.count('conversationJoined', c.sid));
    client.on('conversationLeft', (c) => { this.left[c.sid] = c; this.count('conversationLeft', c.sid); });
    await new Promise((resolve, reject) => {
      client.on('initialized', resolve);
      client.on('initFailed', ({ error }) => reject(new Error(error && error.message)));
    });
  },
  count(name, sid) {
    const key = name + ' ' + sid;
    this.counts[key] = (this.counts[key] || 0) + 1;
    this.waiters = this.waiters.filter((w) => {
      if (w.key !== key || this.counts[key] < w.times) return true;
      w.resolve();
      return false;
    });
  },
  /** Resolves once the client has emitted \`name\` for the conversation \`times\` times in all. */
  seen(name, sid, times) {
    const key = name + ' ' + sid;
    if ((this.counts[key] || 0) >= times) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ' + name + ' #' + times + ' for ' + sid)), 10000);
      this.waiters.push({ key, times, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  },
  /** One round trip on the socket: everything sent before has been handled. */
  async settled() { await this.client.getSubscribedConversations(); },
  /** Whether the conversation this client last left still lets it read messages. */
  async canRead(sid) { return this.left[sid].getMessages().then(() => true, () => false); },
  async shutdown() { await this.client.shutdown(); },
};
</script></head><body>SDK transfers</body></html>`;

type Harness = {
  connect(token: string, options: unknown): Promise<void>;
  seen(name: string, sid: string, times: number): Promise<void>;
  settled(): Promise<void>;
  canRead(sid: string): Promise<boolean>;
  shutdown(): Promise<void>;
};
type Agent = 'alice' | 'bob';
type AgentPage = {
  page: Page;
  /** `pageerror`s (uncaught exceptions and rejections, as Chromium reports them) plus the page's own record. */
  uncaught(): Promise<string[]>;
  run<R, A>(fn: (harness: Harness, arg: A) => Promise<R>, arg: A): Promise<R>;
};

const TRANSFERS = 50;

describe('conversations taken away from an agent in Chromium', () => {
  const sdk = setupSdkEmulator({}, { perTest: true });
  const chromium = useSdkBrowser(PAGE);

  async function openAgent(identity: Agent): Promise<AgentPage> {
    const page = await chromium.browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(chromium.site.url);
    const run: AgentPage['run'] = (fn, arg) =>
      page.evaluate(([source, value]) => new Function('harness', 'arg', `return (${source})(harness, arg);`)((window as unknown as { harness: Harness }).harness, value), [
        fn.toString(),
        arg,
      ] as const) as never;
    await run((harness, [token, options]) => harness.connect(token, options), [sdk.token(identity), { ...sdk.sdkOptions(), logLevel: 'silent' }] as const);
    return { page, run, uncaught: async () => [...pageErrors, ...(await page.evaluate(() => (window as unknown as { uncaught: string[] }).uncaught))] };
  }

  async function openBoth(): Promise<Record<Agent, AgentPage>> {
    const [alice, bob] = await Promise.all([openAgent('alice'), openAgent('bob')]);
    return { alice, bob };
  }

  async function closeAll(pages: Record<Agent, AgentPage>): Promise<void> {
    for (const agent of Object.values(pages)) {
      await agent.run((harness) => harness.shutdown(), null);
      await agent.page.close();
    }
  }

  /** Moves the conversation TRANSFERS times, each once both pages have seen the previous move. */
  async function transferBackAndForth(pages: Record<Agent, AgentPage>, sid: string, move: (to: Agent, from: Agent) => Promise<unknown>) {
    const times = { joined: { alice: 1, bob: 0 }, left: { alice: 0, bob: 0 } };
    let owner: Agent = 'alice';
    for (let transfer = 0; transfer < TRANSFERS; transfer++) {
      const next: Agent = owner === 'alice' ? 'bob' : 'alice';
      await move(next, owner);
      const left = ++times.left[owner];
      const joined = ++times.joined[next];
      await Promise.all([
        pages[owner].run((harness, [s, n]) => harness.seen('conversationLeft', s, n), [sid, left] as const),
        pages[next].run((harness, [s, n]) => harness.seen('conversationJoined', s, n), [sid, joined] as const),
      ]);
      owner = next;
    }
    await Promise.all([pages.alice.run((harness) => harness.settled(), null), pages.bob.run((harness) => harness.settled(), null)]);
  }

  async function groupSeatedBy(sdkEmulator: SdkEmulator, identity: Agent) {
    const projected = sdkEmulator.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
    const group = await sdkEmulator.rest.conversations.v1.conversations.create({ friendlyName: 'Group MMS' });
    const rest = sdkEmulator.rest.conversations.v1.conversations(group.sid);
    const seat = await rest.participants.create({ identity, 'messagingBinding.projectedAddress': projected });
    await rest.participants.create({ 'messagingBinding.address': '+15558675310' });
    return { sid: group.sid, seat: rest.participants(seat.sid) };
  }

  it(`moves a group text's projected address ${TRANSFERS} times with no uncaught error on either page`, async () => {
    const pages = await openBoth();
    const { sid, seat } = await groupSeatedBy(sdk, 'alice');
    await pages.alice.run((harness, s) => harness.seen('conversationJoined', s, 1), sid);

    await transferBackAndForth(pages, sid, (to) => seat.update({ identity: to }));

    expect(await pages.alice.uncaught()).toEqual([]);
    expect(await pages.bob.uncaught()).toEqual([]);
    expect(await pages.bob.run((harness, s) => harness.canRead(s), sid)).toBe(false);
    await closeAll(pages);
  }, 120_000);

  it(`moves a 1:1 conversation ${TRANSFERS} times with no uncaught error on either page`, async () => {
    const pages = await openBoth();
    const conversation = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Chat' });
    const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
    await rest.participants.create({ identity: 'customer' });
    const seats: Partial<Record<Agent, string>> = { alice: (await rest.participants.create({ identity: 'alice' })).sid };
    await pages.alice.run((harness, s) => harness.seen('conversationJoined', s, 1), conversation.sid);

    await transferBackAndForth(pages, conversation.sid, async (to, from) => {
      seats[to] = (await rest.participants.create({ identity: to })).sid;
      await rest.participants(seats[from] ?? '').remove();
    });

    expect(await pages.alice.uncaught()).toEqual([]);
    expect(await pages.bob.uncaught()).toEqual([]);
    expect(await pages.bob.run((harness, s) => harness.canRead(s), conversation.sid)).toBe(false);
    await closeAll(pages);
  }, 120_000);

  it('answers the roster read of a page that lost the conversation while that read was in flight', async () => {
    const pages = await openBoth();
    const { sid, seat } = await groupSeatedBy(sdk, 'bob');
    const held = holdRequests(sdk, itemsReadOf('alice', sdk.sdk.projector.index.conversations.get(sid)?.roster ?? ''));
    await seat.update({ identity: 'alice' });
    await Promise.all([pages.alice.run((harness, s) => harness.seen('conversationJoined', s, 1), sid), held.arrived]);
    await seat.update({ identity: 'bob' });
    await pages.alice.run((harness, s) => harness.seen('conversationLeft', s, 1), sid);
    await held.release();
    await pages.alice.run((harness) => harness.settled(), null);

    expect(await pages.alice.uncaught()).toEqual([]);
    expect(await pages.alice.run((harness, s) => harness.canRead(s), sid)).toBe(false);
    await closeAll(pages);
  }, 60_000);
});
