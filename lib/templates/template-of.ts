import { type TTemplateAttribute, ZTemplateAttribute } from './template-view';

/** The template a message was sent from, read from its attributes (a JSON string over REST, an object in the SDK). */
export function templateOf(attributes: unknown): TTemplateAttribute | null {
  let value = attributes;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  return ZTemplateAttribute.safeParse((value as Record<string, unknown>).template).data ?? null;
}
