import type { Conversation, Participant } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { RawClient } from '../support/raw-client';
import { joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

describe('projected-address transfer between agents (Group Texting guide)', () => {
  const sdk = setupSdkEmulator();

  it('moves the conversation from one agent’s client to the other’s, live, and cuts the first one off', async () => {
    const projected = sdk.numbers.find((n) => !n.startsWith('whatsapp:')) ?? '';
    const group = await sdk.rest.conversations.v1.conversations.create({ friendlyName: 'Group MMS' });
    const rest = sdk.rest.conversations.v1.conversations(group.sid);
    const agentSeat = await rest.participants.create({ identity: 'agent-a', 'messagingBinding.projectedAddress': projected });
    await rest.participants.create({ 'messagingBinding.address': '+15558675310' });
    await rest.participants.create({ identity: 'supervisor' });
    await rest.messages.create({ author: '+15558675310', body: 'history before the transfer' });

    const [a, b, supervisor] = await Promise.all([sdk.connect('agent-a'), sdk.connect('agent-b'), sdk.connect('supervisor')]);
    const [atA, atSupervisor] = await Promise.all([joined(sdk, a, group.sid), joined(sdk, supervisor, group.sid)]);
    expect((await atA.getParticipants()).map((p) => p.type).sort()).toEqual(['chat', 'chat', 'sms']);

    const aLeft = nextEvent<[Conversation]>(a, 'conversationLeft', (c) => c.sid === group.sid);
    const bJoined = nextEvent<[Conversation]>(b, 'conversationJoined', (c) => c.sid === group.sid);
    const supervisorSeesB = nextEvent<[Participant]>(atSupervisor, 'participantJoined', (p) => p.identity === 'agent-b');
    const supervisorSeesALeave = nextEvent<[Participant]>(atSupervisor, 'participantLeft', (p) => p.identity === 'agent-a');
    await rest.participants(agentSeat.sid).update({ identity: 'agent-b' });

    const [[left], [gained], [seat]] = await Promise.all([aLeft, bJoined, supervisorSeesB, supervisorSeesALeave]);
    expect(left.status).toBe('notParticipating');
    expect(seat.sid).toBe(agentSeat.sid);
    const atB = await joined(sdk, b, gained.sid);
    expect((await atB.getMessages()).items.map((m) => m.body)).toEqual(['history before the transfer']);

    // New messages reach the new agent, and no longer the old one.
    const stray: string[] = [];
    a.on('messageAdded', (m) => stray.push(m.body ?? ''));
    const toB = nextEvent(atB, 'messageAdded');
    await rest.messages.create({ author: '+15558675310', body: 'after the transfer' });
    await toB;
    expect(stray).toEqual([]);

    // The old agent's token no longer opens the conversation's messages or roster (404 as if absent).
    const objects = sdk.sdk.projector.index.conversations.get(group.sid);
    const raw = await RawClient.connect(sdk.wsUri);
    await raw.init(sdk.token('agent-a'));
    for (const path of [`/v3/Lists/${objects?.messages}/Items`, `/v3/Maps/${objects?.roster}/Items`, `/v3/Lists/${group.sid}.messages`]) {
      const reply = await raw.http('GET', path);
      expect(reply.header.http_status).toMatchObject({ code: 404 });
      expect(JSON.stringify(reply.body)).not.toContain('after the transfer');
    }
    raw.close();
  });
});
