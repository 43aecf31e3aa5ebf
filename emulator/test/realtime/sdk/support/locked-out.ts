import type { Client, Conversation } from '@twilio/conversations';
import { expect } from 'vitest';
import { RawClient } from '../../support/raw-client';
import type { SdkEmulator } from './sdk-harness';

/**
 * One round trip on the client's socket: once it completes, the client has handled everything the
 * emulator sent it before (twilsock is one ordered stream), including replies to requests held back.
 */
export async function settled(client: Client): Promise<void> {
  await client.getSubscribedConversations();
}

/**
 * The old owner can no longer read the conversation: its SDK object refuses (the SDK closed the
 * conversation's objects on conversationLeft), and a fresh connection with its token finds neither the
 * messages nor the roster (as if they did not exist).
 */
export async function expectLockedOut(sdk: SdkEmulator, identity: string, conversation: Conversation): Promise<void> {
  await expect(conversation.getMessages()).rejects.toThrow();
  const objects = sdk.sdk.projector.index.conversations.get(conversation.sid);
  const raw = await RawClient.connect(sdk.wsUri);
  try {
    await raw.init(sdk.token(identity));
    for (const path of [`/v3/Lists/${objects?.messages}/Items`, `/v3/Maps/${objects?.roster}/Items`, `/v3/Lists/${conversation.sid}.messages`]) {
      const reply = await raw.http('GET', path);
      expect(reply.header.http_status).toMatchObject({ code: 404 });
    }
  } finally {
    raw.close();
  }
}
