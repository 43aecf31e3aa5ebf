import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { createTwilioClient, type Credentials } from 'conversations-emulator/client';

/**
 * A tiny Twilio Conversations app, the kind the Playwright kit is for: customers text its numbers,
 * Twilio autocreates a conversation, tells the app (a signed `onConversationAdded` webhook), the app
 * adds its one agent, and the agent's page (the official browser SDK) shows and answers the messages.
 * It knows nothing of tests: it is given Twilio's address and credentials like any deployment.
 */
export type SampleAppOptions = {
  /** Where Twilio is: the emulator's base URL and the account's credentials. */
  twilio: { url: string; credentials: Credentials };
  /** The numbers customers text (an SMS number and a WhatsApp sender of the account). */
  numbers: { sms: string; whatsapp: string };
  /** The URL Twilio reaches this app at (a tunnel in front of it); default its own address. */
  publicUrl?: string;
};

export type SampleApp = { url: string; close(): Promise<void> };

export const AGENT_IDENTITY = 'agent';

const here = new URL('./public/', import.meta.url);
const SDK_BUNDLE = createRequire(import.meta.url).resolve('@twilio/conversations/builds/twilio-conversations.min.js');

const readForm = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
};

export const startSampleApp = async (options: SampleAppOptions): Promise<SampleApp> => {
  const { url: twilioUrl, credentials } = options.twilio;
  const client = createTwilioClient(twilioUrl, { accountSid: credentials.accountSid, authToken: credentials.authToken });
  let publicUrl = '';

  /** Twilio's post-action webhook: a new conversation gets a name (the customer's address) and the agent. */
  const onWebhook = async (req: IncomingMessage, res: ServerResponse) => {
    const params = await readForm(req);
    const signature = req.headers['x-twilio-signature'];
    if (typeof signature !== 'string' || !twilio.validateRequest(credentials.authToken, signature, `${publicUrl}twilio/webhook`, params)) {
      res.writeHead(403).end('Bad signature');
      return;
    }
    if (params.EventType === 'onConversationAdded' && params.ConversationSid) {
      const conversation = client.conversations.v1.conversations(params.ConversationSid);
      await conversation.update({ friendlyName: params['MessagingBinding.Address'] ?? 'Customer' });
      await conversation.participants.create({ identity: AGENT_IDENTITY });
    }
    res.writeHead(200).end();
  };

  /** The page's session: an access token for the agent, and where the SDK finds Twilio. */
  const session = async () => {
    const { defaultChatServiceSid: serviceSid } = await client.conversations.v1.configuration().fetch();
    const token = new twilio.jwt.AccessToken(credentials.accountSid, credentials.apiKey, credentials.apiSecret, { identity: AGENT_IDENTITY, ttl: 3600 });
    token.addGrant(new twilio.jwt.AccessToken.ChatGrant({ serviceSid }));
    const base = twilioUrl.replace(/\/+$/, '');
    return { token: token.toJwt(), sdkOptions: { twilsock: { uri: `${base.replace(/^http/, 'ws')}/v3/wsconnect` }, apiUri: base, cdsUri: base } };
  };

  const files: Record<string, [string, () => Promise<Buffer>]> = {
    '/': ['text/html; charset=utf-8', () => readFile(new URL('index.html', here))],
    '/inbox.js': ['text/javascript; charset=utf-8', () => readFile(new URL('inbox.js', here))],
    '/sdk.js': ['text/javascript; charset=utf-8', () => readFile(SDK_BUNDLE)],
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://app').pathname;
    const handle = async () => {
      if (req.method === 'POST' && path === '/twilio/webhook') return onWebhook(req, res);
      if (req.method === 'GET' && path === '/session') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(await session()));
        return;
      }
      const file = req.method === 'GET' ? files[path] : undefined;
      if (!file) {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': file[0] }).end(await file[1]());
    };
    handle().catch((error: unknown) => {
      console.error('[sample app]', error);
      if (!res.headersSent) res.writeHead(500).end('Something went wrong');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  publicUrl = options.publicUrl ?? url;

  // Customers' texts to either number start a conversation, and Twilio tells the app about it.
  for (const [type, address] of [['sms', options.numbers.sms], ['whatsapp', options.numbers.whatsapp]] as const) {
    await client.conversations.v1.addressConfigurations.create({ type, address, 'autoCreation.enabled': true });
  }
  await client.conversations.v1.configuration
    .webhooks()
    .update({ target: 'webhook', method: 'POST', postWebhookUrl: `${publicUrl}twilio/webhook`, filters: ['onConversationAdded'] });

  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
