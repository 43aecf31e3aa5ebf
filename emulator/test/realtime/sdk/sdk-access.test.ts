import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-client';
import { conversationWith, setupSdkEmulator } from './support/sdk-harness';

type Reply = { header: { http_status?: unknown }; body: unknown };
const status = (reply: Reply) => (reply.header.http_status as { code: number }).code;

describe('what an identity may not see is refused, and nothing leaks', () => {
  const sdk = setupSdkEmulator();
  let owner: RawClient;
  let stranger: RawClient;
  let restricted: RawClient;
  let secretConversation: string;

  const connect = async (identity: string) => {
    const raw = await RawClient.connect(sdk.wsUri);
    const reply = await raw.init(sdk.token(identity));
    expect(reply.header.status).toMatchObject({ code: 200 });
    return raw;
  };

  beforeAll(async () => {
    const role = await sdk.rest.conversations.v1.services(sdk.serviceSid).roles.create({
      friendlyName: 'No joining',
      type: 'service',
      permission: ['createConversation', 'editOwnUserInfo'],
    });
    await sdk.rest.conversations.v1.services(sdk.serviceSid).users.create({ identity: 'restricted', roleSid: role.sid });
    const conversation = await conversationWith(sdk, ['owner'], 'Secret plans');
    secretConversation = conversation.sid;
    await sdk.rest.conversations.v1.conversations(conversation.sid).messages.create({ author: 'owner', body: 'the secret' });
    [owner, stranger, restricted] = await Promise.all([connect('owner'), connect('stranger'), connect('restricted')]);
  });
  afterAll(async () => {
    for (const raw of [owner, stranger, restricted]) raw.close();
  });

  it('Sync: another user’s conversations map, and a conversation’s messages and roster, answer 404', async () => {
    const ownerObjects = sdk.sdk.projector.index.user(sdk.serviceSid, 'owner');
    const conversation = sdk.sdk.projector.index.conversations.get(secretConversation);
    const forbidden = [
      `/v3/Maps/${ownerObjects?.conversations}`,
      `/v3/Maps/${ownerObjects?.conversations}/Items`,
      `/v3/Lists/${conversation?.messages}`,
      `/v3/Lists/${conversation?.messages}/Items`,
      `/v3/Lists/${secretConversation}.messages`,
      `/v3/Maps/${conversation?.roster}/Items`,
      `/v3/Maps/${secretConversation}.roster`,
    ];
    for (const path of forbidden) {
      const reply = await stranger.http('GET', path);
      expect([path, status(reply)]).toEqual([path, 404]);
      expect(JSON.stringify(reply.body)).not.toMatch(/the secret|Secret plans|owner/);
    }
    // The owner sees the same objects.
    expect(status(await owner.http('GET', `/v3/Lists/${conversation?.messages}/Items`))).toBe(200);
    // Subscribing is refused the same way, with nothing replayed.
    const before = stranger.frames.length;
    await stranger.http('POST', '/v4/Subscriptions', {
      body: JSON.stringify({
        event_protocol_version: 4,
        action: 'establish',
        correlation_id: 42,
        requests: [{ object_sid: conversation?.messages, object_type: 'list', last_event_id: 0 }],
      }),
    });
    const failed = await stranger.next((f) => (f.body as { event_type?: string } | undefined)?.event_type === 'subscription_failed');
    expect(JSON.stringify(failed.body)).not.toContain('the secret');
    expect(stranger.frames.slice(before).some((f) => JSON.stringify(f.body ?? '').includes('the secret'))).toBe(false);
    // Clients never write Sync directly (Conversations goes through the chat API).
    expect(status(await owner.http('POST', `/v3/Lists/${conversation?.messages}/Items`, { body: JSON.stringify({ data: { text: 'forged' } }) }))).toBe(403);
  });

  it('the document is peekable only with joinConversation; messages, receipts and typing need membership', async () => {
    const conversation = sdk.sdk.projector.index.conversations.get(secretConversation);
    const base = `/Client/v2/Services/${sdk.serviceSid}`;
    // A Service User may join, so may see the conversation itself (not its messages).
    expect(status(await stranger.http('GET', `/v3/Documents/${conversation?.document}`))).toBe(200);
    const peek = await stranger.http('GET', `${base}/Conversations/${secretConversation}`);
    expect(peek.body).toMatchObject({ status: 'notParticipating', unread_messages_count: null });
    // A role without joinConversation sees nothing at all.
    for (const path of [`/v3/Documents/${conversation?.document}`, `${base}/Conversations/${secretConversation}`, `${base}/Users/Me/Conversations/${secretConversation}`]) {
      expect([path, status(await restricted.http('GET', path))]).toEqual([path, 404]);
    }
    const messages = await sdk.rest.conversations.v1.conversations(secretConversation).messages.list();
    const messageSid = messages[0]?.sid ?? '';
    const refused: [string, string, string | undefined, string?][] = [
      ['POST', `${base}/Conversations/${secretConversation}/Messages`, JSON.stringify({ body: 'intrusion' })],
      ['GET', `${base}/Conversations/${secretConversation}/Messages/${messageSid}/Receipts`, undefined],
      ['POST', `${base}/Conversations/${secretConversation}/Messages/${messageSid}`, JSON.stringify({ body: 'edited' })],
      ['POST', `${base}/Users/Me/Conversations/${secretConversation}`, JSON.stringify({ last_read_message_index: 0 })],
      ['POST', `${base}/Typing`, `ChannelSid=${secretConversation}`, 'application/x-www-form-urlencoded'],
    ];
    const ownerFramesBefore = owner.frames.length;
    for (const [method, path, body, payloadType] of refused) {
      const reply = await stranger.http(method, path, { body, payloadType });
      expect([method, path, status(reply)]).toEqual([method, path, 404]);
    }
    expect(owner.notifications('twilio.ipmsg.typing_indicator')).toEqual([]);
    expect(owner.frames.length).toBe(ownerFramesBefore);
    // "no channel metadata" is this exact error body for the SDK.
    const metadata = await owner.http('GET', `${base}/Conversations/${secretConversation}/Messages/${messageSid}/ChannelMetadata`);
    expect([status(metadata), metadata.body]).toEqual([404, expect.objectContaining({ status: 404, code: 50530 })]);
    expect((await sdk.rest.conversations.v1.conversations(secretConversation).messages.list()).map((m) => m.body)).toEqual(['the secret']);
  });

  it('another service’s paths and an unknown service are 404, whatever the token says', async () => {
    const other = await sdk.rest.conversations.v1.services.create({ friendlyName: 'Other' });
    expect(status(await owner.http('GET', `/Client/v2/Services/${other.sid}/Users/Me/Conversations`))).toBe(404);
    const otherUser = await RawClient.connect(sdk.wsUri);
    await otherUser.init(sdk.token('owner', { serviceSid: other.sid }));
    const list = await otherUser.http('GET', `/Client/v2/Services/${other.sid}/Users/Me/Conversations`);
    expect(list.body).toMatchObject({ conversations: [] });
    const ownerObjects = sdk.sdk.projector.index.user(sdk.serviceSid, 'owner');
    // Same identity, other service: a different user, who cannot read the first one's map.
    expect(status(await otherUser.http('GET', `/v3/Maps/${ownerObjects?.conversations}`))).toBe(404);
    otherUser.close();
  });
});
