import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from 'conversations-emulator';
import { AppError } from '@/lib/api/app-error';
import { fetchMediaContent } from '@/lib/conversations/media-content';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { startTestEmulator } from '../support/test-emulator';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => emulator.close());

/** Uploads a file to MCS as a server does (Basic auth with the API key), returning its SID. */
async function upload(bytes: Buffer, contentType: string, filename: string): Promise<string> {
  const { apiKey, apiSecret } = emulator.credentials;
  const response = await fetch(`${emulator.url}/mcs/v1/Services/${emulator.serviceSid}/Media`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`, 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
    body: new Uint8Array(bytes),
  });
  return ((await response.json()) as { sid: string }).sid;
}

const notFound = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('not_found');
};

describe('reading an attachment through the server', () => {
  it('streams the content of a conversation’s media with the server’s credentials, and only for that conversation', async () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const conversations = getTwilioClient().conversations.v1.conversations;
    const [mine, other] = await Promise.all([conversations.create({ friendlyName: 'with a photo' }), conversations.create({ friendlyName: 'other' })]);
    const mediaSid = await upload(bytes, 'image/jpeg', 'photo.jpg');
    await conversations(mine.sid).messages.create({ author: 'customer', mediaSid });

    const media = await fetchMediaContent(mine.sid, mediaSid);
    expect([media.contentType, media.filename, media.size]).toEqual(['image/jpeg', 'photo.jpg', bytes.length]);
    expect(Buffer.from(await new Response(media.body).arrayBuffer()).equals(bytes)).toBe(true);

    await notFound(fetchMediaContent(other.sid, mediaSid));
    await notFound(fetchMediaContent(mine.sid, `ME${'0'.repeat(32)}`));
    await notFound(fetchMediaContent(mine.sid, '../../Configuration'));
    // Uploaded but attached to no conversation: nobody's to read.
    await notFound(fetchMediaContent(mine.sid, await upload(bytes, 'image/jpeg', 'loose.jpg')));
  });
});
