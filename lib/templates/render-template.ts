import type { TemplatePreview, TemplateView } from './template-view';

/**
 * A template's text and parts with its variables filled in, as the customer sees it on WhatsApp. The
 * choice of type follows the emulator and Twilio: the richest type the content has. Shared by the
 * composer's live preview and the server, which stores the result with the message.
 */
const WHATSAPP_ORDER = ['whatsapp/card', 'twilio/card', 'twilio/call-to-action', 'twilio/quick-reply', 'twilio/media', 'twilio/text'];
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The variable names a template uses, in order of first appearance. */
export function templateVariableNames(template: Pick<TemplateView, 'types' | 'variables'>): string[] {
  const names = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string') for (const match of value.matchAll(PLACEHOLDER)) names.add(match[1]!);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(template.types);
  for (const name of Object.keys(template.variables)) names.add(name);
  return [...names];
}

export function renderTemplate(template: Pick<TemplateView, 'types' | 'variables'>, values: Record<string, string>): TemplatePreview {
  const fill = (value: string | null) =>
    value === null ? null : value.replace(PLACEHOLDER, (_, name: string) => (values[name] || template.variables[name]) ?? '');
  const type = WHATSAPP_ORDER.find((t) => t in template.types);
  const parts = type ? (template.types[type] ?? {}) : {};
  const isCard = type === 'twilio/card';
  const media = Array.isArray(parts.media) ? parts.media.filter((m): m is string => typeof m === 'string') : [];
  const actions = Array.isArray(parts.actions) ? (parts.actions as { title?: unknown; url?: unknown }[]) : [];
  return {
    body: fill(text(isCard ? parts.title : parts.body)) ?? '',
    mediaUrl: fill(media[0] ?? null),
    headerText: fill(text(parts.header_text)),
    footer: fill(text(isCard ? parts.subtitle : parts.footer)),
    buttons: actions.map((a) => ({ title: fill(text(a.title)) ?? '', url: fill(text(a.url)) })),
  };
}
