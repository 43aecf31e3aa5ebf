import type { ContentRecord, RichContent } from '../store/records';

/**
 * A content resource rendered for one channel with a message's `ContentVariables`. WhatsApp shows the
 * richest type the resource has (a card's media header, text header and footer, quick-reply and
 * call-to-action buttons). SMS carries text, plus media URLs as MMS: it takes `twilio/text` when the
 * resource has one, else `twilio/media`, else the rich type reduced to its text (a card's title and
 * subtitle; a call-to-action's URLs and numbers appended, since SMS has no buttons; quick replies
 * dropped).
 */
export type RenderedContent = { body: string; content: RichContent | null };

const WHATSAPP_ORDER = ['whatsapp/card', 'twilio/card', 'twilio/call-to-action', 'twilio/quick-reply', 'twilio/media', 'twilio/text'];
const SMS_ORDER = ['twilio/text', 'twilio/media', 'twilio/call-to-action', 'twilio/card', 'whatsapp/card', 'twilio/quick-reply'];

/** The message's variables: a JSON object of strings, or null when `contentVariables` is not one. */
export const parseContentVariables = (contentVariables: string | null): Record<string, string> | null => {
  if (contentVariables === null || contentVariables === '') return {};
  let values: unknown;
  try {
    values = JSON.parse(contentVariables);
  } catch {
    return null;
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  if (Object.values(values).some((v) => typeof v !== 'string')) return null;
  return values as Record<string, string>;
};

type Action = { type?: string; title: string; url?: string; phone?: string };

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const actions = (value: unknown): Action[] => (Array.isArray(value) ? (value as Action[]) : []);

export const renderContent = (
  content: ContentRecord,
  contentVariables: string | null,
  channel: 'sms' | 'whatsapp',
): RenderedContent | null => {
  const values = parseContentVariables(contentVariables);
  if (values === null) return null;
  const fill = (text: string | null) =>
    text === null ? null : text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => values[name] ?? content.variables[name] ?? '');
  const type = (channel === 'whatsapp' ? WHATSAPP_ORDER : SMS_ORDER).find((t) => t in content.types);
  const parts = type === undefined ? {} : (content.types[type] ?? {});
  const isCard = type === 'twilio/card';
  const title = fill(str(isCard ? parts.title : parts.body)) ?? '';
  const subtitle = fill(str(isCard ? parts.subtitle : parts.footer));
  const mediaUrls = list(parts.media).map((url) => fill(url) ?? url);
  const buttons = actions(parts.actions).map((a) => ({
    type: a.type ?? 'QUICK_REPLY',
    title: fill(a.title) ?? a.title,
    url: fill(str(a.url)),
    phone: str(a.phone),
  }));
  if (channel === 'whatsapp') {
    const rich: RichContent = { headerText: fill(str(parts.header_text)), mediaUrls, footer: subtitle, buttons };
    const isPlain = rich.headerText === null && mediaUrls.length === 0 && subtitle === null && buttons.length === 0;
    return { body: title, content: isPlain ? null : rich };
  }
  const links = type === 'twilio/call-to-action' ? buttons.filter((b) => b.url ?? b.phone).map((b) => `${b.title}: ${b.url ?? b.phone}`) : [];
  const body = [title, isCard ? subtitle : null, ...links].filter((line): line is string => Boolean(line)).join('\n');
  const hasMedia = type === 'twilio/media' && mediaUrls.length > 0;
  return { body, content: hasMedia ? { headerText: null, mediaUrls, footer: null, buttons: [] } : null };
};
