import type { Message } from '@twilio/conversations';
import { describe, expect, it } from 'vitest';
import { conversationWith, joined, nextEvent, setupSdkEmulator } from './support/sdk-harness';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('media from the SDK over MCS', () => {
  const sdk = setupSdkEmulator();

  it('uploads several files with prepareMessage().addMedia(), delivers them, and serves identical content', async () => {
    const conversation = await conversationWith(sdk, ['sender', 'receiver']);
    const [sender, receiver] = await Promise.all([sdk.connect('sender'), sdk.connect('receiver')]);
    const [s, r] = await Promise.all([joined(sdk, sender, conversation.sid), joined(sdk, receiver, conversation.sid)]);
    const png = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    const arrived = nextEvent<[Message]>(r, 'messageAdded');
    const index = await s
      .prepareMessage()
      .setBody('two files')
      .setAttributes({ clientKey: 'media-1' })
      .addMedia({ contentType: 'text/plain', filename: 'note.txt', media: bytes('hello media') })
      .addMedia({ contentType: 'image/png', filename: 'dots.png', media: png })
      .build()
      .send();
    const [message] = await arrived;
    expect(message.index).toBe(index);
    expect(message.body).toBe('two files');
    expect(message.type).toBe('media');
    const media = message.attachedMedia ?? [];
    expect(media.map((m) => [m.filename, m.contentType, m.size])).toEqual([
      ['note.txt', 'text/plain', 11],
      ['dots.png', 'image/png', 4096],
    ]);
    const [note, dots] = media;
    const noteUrl = await note?.getContentTemporaryUrl();
    expect(noteUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcs\/v1\/Services\/IS\w+\/Media\/ME\w+\/Content\?Expires=\d+&Signature=[0-9a-f]{64}$/);
    const download = await fetch(noteUrl ?? '');
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(download.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await download.arrayBuffer()).toString('utf8')).toBe('hello media');
    const urls = await message.getTemporaryContentUrlsForAttachedMedia();
    const pngBack = Buffer.from(await (await fetch(urls.get(dots?.sid ?? '') ?? '')).arrayBuffer());
    expect(pngBack.equals(png)).toBe(true);
    // The REST helper sees the same message and media.
    const rest = await sdk.rest.conversations.v1.conversations(conversation.sid).messages(message.sid).fetch();
    expect(rest.media?.map((m: { filename: string }) => m.filename)).toEqual(['note.txt', 'dots.png']);
  });

  it('temporary URLs expire after 300 s of emulator time; a fresh one works (refresh path)', async () => {
    const conversation = await conversationWith(sdk, ['expirer']);
    const client = await sdk.connect('expirer');
    const c = await joined(sdk, client, conversation.sid);
    const added = nextEvent<[Message]>(c, 'messageAdded');
    await c.sendMessage({ contentType: 'text/plain', filename: 'a.txt', media: bytes('abc') });
    const [message] = await added;
    const first = await message.attachedMedia?.[0]?.getContentTemporaryUrl();
    expect((await fetch(first ?? '')).status).toBe(200);
    sdk.clock.advance(301_000);
    const expired = await fetch(first ?? '');
    expect(expired.status).toBe(403);
    expect(expired.headers.get('access-control-allow-origin')).toBe('*');
    const fresh = await message.attachedMedia?.[0]?.getContentTemporaryUrl();
    expect(fresh).not.toBe(first);
    expect(await (await fetch(fresh ?? '')).text()).toBe('abc');
  });

  it('MCS takes a multipart form upload as its one file: the part’s bytes, type and name; two files, none or a name with control characters are refused', async () => {
    const media = `${sdk.url}/mcs/v1/Services/${sdk.serviceSid}/Media?Category=media`;
    const headers = { 'X-Twilio-Token': sdk.token('former') };
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 13) % 256));
    const form = new FormData();
    form.append('caption', 'ignored');
    form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'scan.jpg');
    const upload = await fetch(media, { method: 'POST', headers, body: form });
    expect(upload.status).toBe(201);
    const stored = (await upload.json()) as { sid: string; content_type: string; filename: string; size: number; links: { content_direct_temporary: string } };
    expect([stored.content_type, stored.filename, stored.size]).toEqual(['image/jpeg', 'scan.jpg', bytes.length]);
    expect(Buffer.from(await (await fetch(stored.links.content_direct_temporary)).arrayBuffer()).equals(bytes)).toBe(true);

    const two = new FormData();
    two.append('a', new Blob(['1'], { type: 'text/plain' }), 'a.txt');
    two.append('b', new Blob(['2'], { type: 'text/plain' }), 'b.txt');
    const refused = await fetch(media, { method: 'POST', headers, body: two });
    expect([refused.status, ((await refused.json()) as { code: number }).code]).toEqual([400, 20001]);
    const none = new FormData();
    none.append('caption', 'no file here');
    expect((await fetch(media, { method: 'POST', headers, body: none })).status).toBe(400);
    // A control character in the part's name would break the headers the file is later served with.
    const tabbed = new FormData();
    tabbed.append('file', new Blob(['x'], { type: 'text/plain' }), 'a\tb.txt');
    expect((await fetch(media, { method: 'POST', headers, body: tabbed })).status).toBe(400);
  });

  it('MCS answers CORS preflights and refuses missing, forged or foreign tokens', async () => {
    const media = `${sdk.url}/mcs/v1/Services/${sdk.serviceSid}/Media`;
    const preflight = await fetch(media, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-twilio-token,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Twilio-Token/i);
    const upload = (token: string) => fetch(`${media}?Category=media&Filename=x.txt`, { method: 'POST', headers: { 'X-Twilio-Token': token, 'Content-Type': 'text/plain' }, body: 'x' });
    const forged = await upload(sdk.token('mallory', { secret: 'not-the-secret' }));
    expect(forged.status).toBe(401);
    expect((await forged.json()) as unknown).toMatchObject({ code: 20101 });
    // Basic-auth REST stays on the REST listener; no credentials at all is a 401 there.
    expect((await fetch(media, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' })).status).toBe(401);
    // Someone else's unattached upload is invisible, even by SID.
    const own = await upload(sdk.token('uploader'));
    expect(own.status).toBe(201);
    const { sid } = (await own.json()) as { sid: string };
    const other = await fetch(`${media}/${sid}`, { headers: { 'X-Twilio-Token': sdk.token('snooper') } });
    expect(other.status).toBe(404);
    // links.content with the uploader's token serves the bytes; with anyone else's it does not exist.
    expect(await (await fetch(`${media}/${sid}/Content`, { headers: { 'X-Twilio-Token': sdk.token('uploader') } })).text()).toBe('x');
    expect((await fetch(`${media}/${sid}/Content`, { headers: { 'X-Twilio-Token': sdk.token('snooper') } })).status).toBe(404);
    const set = await fetch(`${sdk.url}/mcs/v1/Services/${sdk.serviceSid}/MediaSet`, {
      method: 'POST',
      headers: { 'X-Twilio-Token': sdk.token('snooper'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ command: 'get', list: [{ media_sid: sid }] }),
    });
    expect(await set.json()).toEqual([{ code: 404, message: 'Media not found' }]);
    const tampered = (await (await fetch(`${media}/${sid}`, { headers: { 'X-Twilio-Token': sdk.token('uploader') } })).json()) as {
      links: { content_direct_temporary: string };
    };
    expect((await fetch(tampered.links.content_direct_temporary.replace(/Signature=[0-9a-f]+/, `Signature=${'0'.repeat(64)}`))).status).toBe(403);
  });
});
