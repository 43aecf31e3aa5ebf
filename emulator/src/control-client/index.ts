type Emulator = { url: string };

/**
 * The carrier's control API as a customer's phone uses it (plain HTTP, like the phone page). Every call
 * returns the JSON answer and throws on a non-2xx status unless `expectError` is used.
 */
export type PhoneMessage = {
  sid: string;
  phone: string;
  direction: 'sent' | 'received';
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string[];
  thread: string[];
  body: string | null;
  media: { sid: string; content_type: string; filename: string | null; size: number; url: string }[];
  status: string;
  error_code: number | null;
  /** A template's rich parts as the phone shows them (WhatsApp buttons, media header), or null. */
  content: {
    header_text: string | null;
    media_urls: string[];
    footer: string | null;
    buttons: { type: string; title: string; url: string | null; phone: string | null }[];
  } | null;
};

export type SendAnswer = PhoneMessage & {
  routing: { outcome: string; conversation_sid: string | null; message_sid: string | null; reason: string | null; code: number | null };
};

export type ClockAnswer = { now: string; now_ms: number; offset_ms: number };

export type ControlError = { status: number; code: number; message: string };

const form = (fields: Record<string, string | string[] | undefined>) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return body;
};

const call = async <T>(emu: Pick<Emulator, 'url'>, path: string, init?: RequestInit): Promise<{ status: number; json: T }> => {
  const response = await fetch(`${emu.url}/emulator/v1/${path}`, init);
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
};

const ok = async <T>(emu: Pick<Emulator, 'url'>, path: string, init?: RequestInit): Promise<T> => {
  const { status, json } = await call<T>(emu, path, init);
  if (status >= 300) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${status}: ${JSON.stringify(json)}`);
  return json;
};

const phonePath = (address: string) => `Carrier/Phones/${encodeURIComponent(address)}`;

export const phone = (emu: Pick<Emulator, 'url'>) => ({
  send: (fields: { from: string; to: string | string[]; body?: string; mediaUrl?: string[] }) =>
    ok<SendAnswer>(emu, 'Carrier/Messages', {
      method: 'POST',
      body: form({ From: fields.from, To: fields.to, Body: fields.body, MediaUrl: fields.mediaUrl }),
    }),
  /** The raw answer of a send, for input that must be refused. */
  trySend: (fields: Record<string, string | string[] | undefined>) =>
    call<ControlError>(emu, 'Carrier/Messages', { method: 'POST', body: form(fields) }),
  upload: (bytes: Buffer, contentType: string, filename?: string) =>
    ok<{ sid: string; url: string; size: number; content_type: string; filename: string | null }>(emu, 'Carrier/Media', {
      method: 'POST',
      headers: { 'Content-Type': contentType, ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}) },
      body: new Uint8Array(bytes),
    }),
  messages: async (address: string) => (await ok<{ messages: PhoneMessage[] }>(emu, `${phonePath(address)}/Messages`)).messages,
  /** Messages this phone received, as (sender, body) pairs in order. */
  inbox: async (address: string) =>
    (await ok<{ messages: PhoneMessage[] }>(emu, `${phonePath(address)}/Messages`)).messages
      .filter((m) => m.direction === 'received')
      .map((m) => [m.from, m.body] as const),
  read: (address: string) => ok<{ read: number }>(emu, `${phonePath(address)}/Read`, { method: 'POST' }),
  setReachable: (address: string, reachable: boolean) =>
    ok<{ reachable: boolean }>(emu, phonePath(address), { method: 'POST', body: form({ Reachable: String(reachable) }) }),
  advanceClock: (duration: string) =>
    ok<ClockAnswer>(emu, 'Clock', { method: 'POST', body: form({ Advance: duration }) }),
  /** Moves emulator time forward to `instant` (ISO 8601); an earlier one is refused. */
  setClock: (instant: string) => ok<ClockAnswer>(emu, 'Clock', { method: 'POST', body: form({ Now: instant }) }),
  /** WhatsApp's verdict on a content template submitted for approval, without waiting for the clock. */
  decideWhatsAppApproval: (contentSid: string, status: 'approved' | 'rejected', rejectionReason?: string) =>
    ok<{ sid: string; whatsapp: { status: string; rejection_reason: string } }>(emu, `Content/${contentSid}/ApprovalRequests/whatsapp`, {
      method: 'POST',
      body: form({ Status: status, RejectionReason: rejectionReason }),
    }),
  call: <T>(path: string, init?: RequestInit) => call<T>(emu, path, init),
});
