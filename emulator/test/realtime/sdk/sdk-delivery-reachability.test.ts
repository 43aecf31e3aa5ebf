import type { Message, User } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECEIPT_DELAYS } from '../../../src/config';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

type Update<T> = [{ updateReasons: string[] } & T];

describe('delivery receipts and reachability', () => {
  const sdk = setupSdkEmulator();

  it('aggregated and detailed receipts follow the carrier for SMS recipients', async () => {
    const proxy = sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
    const conversation = await conversationWith(sdk, ['deliverer']);
    const rest = sdk.rest.conversations.v1.conversations(conversation.sid);
    const reachable = await rest.participants.create({ 'messagingBinding.address': '+15558675312', 'messagingBinding.proxyAddress': proxy });
    const offline = await rest.participants.create({ 'messagingBinding.address': '+15558675313', 'messagingBinding.proxyAddress': proxy });
    await sdk.carrier.setReachable('+15558675313', false);
    const client = await sdk.connect('deliverer');
    const c = await joined(sdk, client, conversation.sid);
    const added = nextEvent<[Message]>(c, 'messageAdded');
    const settled = nextEvent<Update<{ message: Message }>>(c, 'messageUpdated', ({ message, updateReasons }) =>
      updateReasons.includes('deliveryReceipt') && message.aggregatedDeliveryReceipt?.delivered === 'some' && message.aggregatedDeliveryReceipt.undelivered === 'some',
    );
    await c.sendMessage('to two phones');
    const [message] = await added;
    expect(message.aggregatedDeliveryReceipt?.total).toBe(2);
    await settled;
    const detailed = await message.getDetailedDeliveryReceipts();
    const byParticipant = Object.fromEntries(detailed.map((r) => [r.participantSid, [r.status, r.errorCode]]));
    expect(byParticipant).toEqual({ [reachable.sid]: ['delivered', 0], [offline.sid]: ['undelivered', 30003] });
    expect(detailed.every((r) => r.messageSid === message.sid && r.conversationSid === conversation.sid)).toBe(true);
  });

  it('with reachability enabled, user.isOnline follows the user’s connections', async () => {
    await sdk.rest.conversations.v1.services(sdk.serviceSid).configuration().update({ reachabilityEnabled: true });
    const conversation = await conversationWith(sdk, ['observer', 'comer']);
    const observer = await sdk.connect('observer');
    expect(observer.reachabilityEnabled).toBe(true);
    const o = await joined(sdk, observer, conversation.sid);
    const comerUser = await (await o.getParticipantByIdentity('comer'))?.getUser();
    if (!comerUser) throw new Error('user missing');
    expect(comerUser.isOnline).toBe(false);
    const online = nextEvent<Update<{ user: User }>>(comerUser, 'updated', ({ updateReasons }) => updateReasons.includes('reachabilityOnline'));
    const comer = await sdk.connect('comer');
    await online;
    expect(comerUser.isOnline).toBe(true);
    expect(observer.user.isOnline).toBe(true);
    const offline = nextEvent<Update<{ user: User }>>(comerUser, 'updated', ({ updateReasons }) => updateReasons.includes('reachabilityOnline'));
    await comer.shutdown();
    await offline;
    expect(comerUser.isOnline).toBe(false);
    expect((await sdk.rest.conversations.v1.services(sdk.serviceSid).users('comer').fetch()).isOnline).toBe(false);
  });
});

describe('delivery receipts at a carrier’s pace', () => {
  // The emulator's own receipt delays, not the test harness's instant ones: this is about timing.
  const sdk = setupSdkEmulator({ carrier: { receiptDelays: DEFAULT_RECEIPT_DELAYS } });

  it('getDetailedDeliveryReceipts() on the messageUpdated of a failure returns the failure, not the SDK’s cached empty list', async () => {
    const whatsapp = sdk.numbers.find((n) => n.startsWith('whatsapp:')) ?? '';
    const conversation = await conversationWith(sdk, ['late-agent']);
    // No message from the customer: the 24-hour window is closed, so free-form text fails (63016).
    const customer = await sdk.rest.conversations.v1
      .conversations(conversation.sid)
      .participants.create({ 'messagingBinding.address': 'whatsapp:+15558675377', 'messagingBinding.proxyAddress': whatsapp });
    const client = await sdk.connect('late-agent');
    const c = await joined(sdk, client, conversation.sid);
    const added = nextEvent<[Message]>(c, 'messageAdded');
    const failed = nextEvent<Update<{ message: Message }>>(c, 'messageUpdated', ({ message, updateReasons }) =>
      updateReasons.includes('deliveryReceipt') && message.aggregatedDeliveryReceipt?.failed === 'all',
    );
    await c.sendMessage('Your driver is outside');
    const [message] = await added;
    // An app asks as soon as the message shows: nothing yet (queued).
    expect(await message.getDetailedDeliveryReceipts()).toEqual([]);
    await failed;
    const receipts = await message.getDetailedDeliveryReceipts();
    expect(receipts.map((r) => [r.participantSid, r.status, r.errorCode])).toEqual([[customer.sid, 'failed', 63016]]);
  });
});
