import { z } from 'zod';

// The emulator's carrier control API (emulator/README.md, "Control API"), called from the browser.
// The page is a customer's phone: it talks to the simulated network only, never to the app's API.

/** A template's rich parts (WhatsApp buttons, media header, footer), as the emulator's carrier reports them. */
const ZRichContent = z.object({
  header_text: z.string().nullable(),
  media_urls: z.array(z.string()),
  footer: z.string().nullable(),
  buttons: z.array(z.object({ type: z.string(), title: z.string(), url: z.string().nullable(), phone: z.string().nullable() })),
});
export type TRichContent = z.infer<typeof ZRichContent>;

export const ZPhoneMessage = z.object({
  sid: z.string(),
  phone: z.string(),
  direction: z.enum(['sent', 'received']),
  channel: z.enum(['sms', 'whatsapp']),
  from: z.string(),
  to: z.array(z.string()),
  thread: z.array(z.string()),
  body: z.string().nullable(),
  media: z.array(z.object({ sid: z.string(), content_type: z.string(), filename: z.string().nullable(), size: z.number(), url: z.string() })),
  status: z.enum(['sent', 'delivered', 'read', 'undelivered', 'failed']),
  error_code: z.number().nullable(),
  content: ZRichContent.nullable().optional(),
  date_created: z.string(),
  date_updated: z.string(),
});
export type TPhoneMessage = z.infer<typeof ZPhoneMessage>;

const ZPhoneFeed = z.object({ address: z.string(), reachable: z.boolean(), messages: z.array(ZPhoneMessage) });
const ZRouting = z.object({ outcome: z.string(), conversation_sid: z.string().nullable(), reason: z.string().nullable() });
const ZSent = ZPhoneMessage.extend({ routing: ZRouting });
export type TSent = z.infer<typeof ZSent>;
const ZUpload = z.object({ sid: z.string(), url: z.string() });
const ZError = z.object({ message: z.string() });

export class ControlApiError extends Error {}

const phonePath = (base: string, address: string) => `${base}/emulator/v1/Carrier/Phones/${encodeURIComponent(address)}`;

async function call<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    throw new ControlApiError('The emulator is not reachable. Is it running?');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ControlApiError(ZError.safeParse(json).data?.message ?? `The emulator answered ${response.status}.`);
  return schema.parse(json);
}

export function loadPhone(base: string, address: string) {
  return call(`${phonePath(base, address)}/Messages`, ZPhoneFeed);
}

export function phoneEventsUrl(base: string, address: string) {
  return `${phonePath(base, address)}/Events`;
}

export async function sendFromPhone(base: string, input: { from: string; to: string[]; body: string; file: File | null }): Promise<TSent> {
  const form = new URLSearchParams({ From: input.from });
  for (const to of input.to) form.append('To', to);
  if (input.body) form.set('Body', input.body);
  if (input.file) {
    const upload = await call(`${base}/emulator/v1/Carrier/Media`, ZUpload, {
      method: 'POST',
      headers: {
        'Content-Type': input.file.type || 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(input.file.name)}`,
      },
      body: input.file,
    });
    form.append('MediaUrl', upload.url);
  }
  return call(`${base}/emulator/v1/Carrier/Messages`, ZSent, { method: 'POST', body: form });
}

export function markRead(base: string, address: string) {
  return call(`${phonePath(base, address)}/Read`, z.object({ read: z.number() }), { method: 'POST' });
}

export function setReachable(base: string, address: string, reachable: boolean) {
  return call(phonePath(base, address), z.object({ reachable: z.boolean() }), {
    method: 'POST',
    body: new URLSearchParams({ Reachable: String(reachable) }),
  });
}
