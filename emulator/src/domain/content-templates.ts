/**
 * Built-in content templates (Twilio's Content API is not emulated). A message with `ContentSid` is
 * rendered from one of these when it reaches an SMS or WhatsApp participant; templates are what may be
 * sent to WhatsApp outside the 24-hour window. The first two are the templates of the WhatsApp page's
 * food-delivery walkthrough; the third is a generic re-engagement message for an inbox.
 */
export type ContentTemplate = {
  sid: string;
  friendlyName: string;
  language: string;
  /** `twilio/text` body with `{{1}}`-style placeholders. */
  body: string;
  /** Values used for placeholders a message leaves out, as the Content API's `variables` defaults. */
  variables: Record<string, string>;
};

export const CONTENT_TEMPLATES: readonly ContentTemplate[] = [
  {
    sid: 'HX00000000000000000000000000000001',
    friendlyName: 'delivery_help',
    language: 'en',
    body: 'Hello {{1}}, your food delivery is almost there but {{2}} (your rider) needs help finding your door. Are you willing to chat with them?',
    variables: { 1: 'there', 2: 'the rider' },
  },
  {
    sid: 'HX00000000000000000000000000000002',
    friendlyName: 'delivery_connected',
    language: 'en',
    body: "Your customer has agreed to chat over WhatsApp to get this delivery sorted. You're now connected. Say hello!",
    variables: {},
  },
  {
    sid: 'HX00000000000000000000000000000003',
    friendlyName: 'conversation_follow_up',
    language: 'en',
    body: 'Hi {{1}}, this is {{2}} following up on your request. Reply to this message to continue the conversation.',
    variables: { 1: 'there', 2: 'our support team' },
  },
];

export const findContentTemplate = (sid: string): ContentTemplate | undefined => CONTENT_TEMPLATES.find((t) => t.sid === sid);

/**
 * The text a template renders to with `contentVariables` (a JSON object of strings, keys "1", "2", …).
 * Returns null when the variables are not such an object.
 */
export const renderContent = (template: ContentTemplate, contentVariables: string | null): string | null => {
  let values: Record<string, unknown> = {};
  if (contentVariables !== null) {
    try {
      values = JSON.parse(contentVariables) as Record<string, unknown>;
    } catch {
      return null;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
    if (Object.values(values).some((v) => typeof v !== 'string')) return null;
  }
  return template.body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name] ?? template.variables[name];
    return typeof value === 'string' ? value : '';
  });
};
