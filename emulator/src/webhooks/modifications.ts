import { z } from 'zod';
import { invalidParam } from '../domain/errors';
import type { PreActionModifications, PreActionName } from '../domain/hooks';

/**
 * A pre-action webhook's 200 answer may modify the change (Webhooks page, "Modifiable Fields"):
 * `friendly_name` for onConversationAdd/Update; `body`, `author`, `attributes` for onMessageAdd/Update.
 * Other fields and other actions' answers are ignored. An empty or non-JSON answer modifies nothing; a
 * modifiable field of the wrong type is refused like any invalid value, and the domain validates the
 * modified change again (a too-long body fails as it would from the caller).
 */
const ZConversationAnswer = z.object({ friendly_name: z.string().nullable().optional() });
const ZMessageAnswer = z.object({
  body: z.string().nullable().optional(),
  author: z.string().optional(),
  // Attributes are a JSON string; an object answer is accepted and stringified.
  attributes: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
});

const parseJson = (body: string): unknown => {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
};

export const readModifications = (action: PreActionName, answer: string): PreActionModifications | undefined => {
  const json = parseJson(answer);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  if (action === 'onConversationAdd' || action === 'onConversationUpdate') {
    const parsed = ZConversationAnswer.safeParse(json);
    if (!parsed.success) throw invalidParam("The pre-action webhook answered an invalid 'friendly_name'");
    return parsed.data.friendly_name === undefined ? undefined : { friendlyName: parsed.data.friendly_name };
  }
  if (action === 'onMessageAdd' || action === 'onMessageUpdate') {
    const parsed = ZMessageAnswer.safeParse(json);
    if (!parsed.success) {
      throw invalidParam(`The pre-action webhook answered an invalid '${parsed.error.issues[0]?.path.join('.') ?? 'field'}'`);
    }
    const { body, author, attributes } = parsed.data;
    const mods: PreActionModifications = {};
    if (body !== undefined) mods.body = body;
    if (author !== undefined) mods.author = author;
    if (attributes !== undefined) mods.attributes = typeof attributes === 'string' ? attributes : JSON.stringify(attributes);
    return Object.keys(mods).length > 0 ? mods : undefined;
  }
  return undefined;
};
