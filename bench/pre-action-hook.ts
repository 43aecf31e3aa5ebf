// The pre-action webhook sits on every SDK send: Twilio asks the app before publishing.
//  - hook: the app's answer to a signed onMessageAdd from an SDK client (what Twilio waits for),
//    one request at a time, p50/p99;
//  - send-to-render: Enter in one agent's composer → the message on the other agent's screen,
//    with the hook and without it (the service's pre-action filters removed), in alternating
//    rounds of the same run so both see the same machine.
import { chromium, type Page } from 'playwright-core';
import twilio from 'twilio';
import { createTwilioClient, DEFAULT_CREDENTIALS } from 'conversations-emulator/client';
import { CHROMIUM_LAUNCH } from '../e2e/fixtures/chromium';
import { startAppServer } from '../tests/support/app-server';
import { sendToRenderProbe } from './support/send-to-render';
import { appSession } from './support/app-session';
import { BENCH_PASSWORD, createBenchAgents } from './support/bench-agents';
import { distribution } from './support/stats';

const HOOK_CALLS = Number(process.env.BENCH_HOOK_CALLS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SENDS_PER_ROUND = 10;
const PRE_ACTION_EVENTS = ['onMessageAdd', 'onMessageUpdate', 'onMessageRemove', 'onParticipantAdd'];

export async function runPreActionHook() {
  const server = await startAppServer();
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const [ada, ben] = await createBenchAgents(server.url, ['Ada', 'Ben']);
    const rest = createTwilioClient(server.emulatorUrl, { accountSid: DEFAULT_CREDENTIALS.accountSid, authToken: DEFAULT_CREDENTIALS.authToken }).conversations.v1;
    // Both take part (made over REST, not assigned by Switchboard): the hook lets both write.
    const conversation = await rest.conversationWithParticipants.create({
      friendlyName: 'Hook bench',
      attributes: JSON.stringify({ switchboard: { channel: 'chat', customer: { name: 'Hook bench' } } }),
      participant: [JSON.stringify({ identity: ada.id }), JSON.stringify({ identity: ben.id })],
    });

    // 1. The hook on its own, as Twilio calls it.
    const hookUrl = `${server.url}/api/webhooks/twilio/pre-action`;
    const hookMs: number[] = [];
    for (let i = 0; i < HOOK_CALLS; i++) {
      const params = {
        AccountSid: DEFAULT_CREDENTIALS.accountSid,
        EventType: 'onMessageAdd',
        Source: 'SDK',
        ClientIdentity: ada.id,
        Author: ada.id,
        ConversationSid: conversation.sid,
        Body: `hook ${i}`,
        Attributes: '{}',
        RetryCount: '0',
      };
      const started = performance.now();
      const response = await fetch(hookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(DEFAULT_CREDENTIALS.authToken, hookUrl, params) },
        body: new URLSearchParams(params).toString(),
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`the hook answered ${response.status}`);
      if (i >= 20) hookMs.push(performance.now() - started); // the first calls warm the route up
    }

    // 2. Send-to-render with and without the hook.
    const serviceSid = (await rest.configuration().fetch()).defaultChatServiceSid;
    const webhooks = rest.services(serviceSid).configuration.webhooks();
    const configured = await webhooks.fetch();
    const setHook = (on: boolean) =>
      webhooks.update({ filters: on ? [...new Set([...configured.filters, ...PRE_ACTION_EVENTS])] : configured.filters.filter((f) => !PRE_ACTION_EVENTS.includes(f)) });

    const signedIn = async (email: string): Promise<Page> => {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 } });
      const session = await appSession(server.url, email, BENCH_PASSWORD);
      await context.addCookies((await session.storageState()).cookies);
      await session.dispose();
      const page = await context.newPage();
      await page.goto(`/inbox/${conversation.sid}`);
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      return page;
    };
    const [sender, receiver] = [await signedIn(ada.email), await signedIn(ben.email)];
    const sendOne = await sendToRenderProbe(sender, receiver);
    const sendToRender = { withHook: [] as number[], withoutHook: [] as number[] };
    for (let round = 0; round < ROUNDS * 2; round++) {
      const withHook = round % 2 === 0;
      await setHook(withHook);
      for (let i = 0; i < SENDS_PER_ROUND; i++) {
        (withHook ? sendToRender.withHook : sendToRender.withoutHook).push(await sendOne());
      }
    }
    await setHook(true);
    return {
      hookMs: distribution(hookMs),
      sendToRenderMs: { withHook: distribution(sendToRender.withHook), withoutHook: distribution(sendToRender.withoutHook) },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
