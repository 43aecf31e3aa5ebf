import { z } from 'zod';
import type { ContentApproval, ContentRecord } from '../store/records';
import { isSid, newSid } from '../store/sid';
import { mutate, type DomainContext } from './context';
import { invalidParam, notFound } from './errors';
import { assertMaxChars } from './validate';

/**
 * The Content API's resources (`content.twilio.com/v1/Content`): create, read, delete, and submitting
 * one for WhatsApp's review (where the review stands: `content-approval.ts`).
 */

const ZAction = z
  .object({
    type: z.string().optional(),
    title: z.string().min(1),
    url: z.string().optional(),
    phone: z.string().optional(),
    id: z.string().optional(),
    code: z.string().optional(),
  })
  .strict();
const ZMediaList = z.array(z.string().min(1)).min(1).max(10);

/** The types the emulator renders; their shapes follow the Content API's OpenAPI schemas. */
const ZTypes = z
  .object({
    'twilio/text': z.object({ body: z.string().min(1).max(1600) }).strict(),
    'twilio/media': z.object({ body: z.string().max(1600).optional(), media: ZMediaList }).strict(),
    'twilio/quick-reply': z.object({ body: z.string().min(1).max(1024), actions: z.array(ZAction).min(1).max(10) }).strict(),
    'twilio/call-to-action': z.object({ body: z.string().min(1).max(1024), actions: z.array(ZAction.extend({ type: z.string() })).min(1).max(10) }).strict(),
    'twilio/card': z
      .object({ title: z.string().min(1), subtitle: z.string().optional(), media: z.array(z.string()).max(1).optional(), actions: z.array(ZAction).max(10).optional() })
      .strict(),
    'whatsapp/card': z
      .object({
        body: z.string().min(1).max(1024),
        footer: z.string().optional(),
        media: z.array(z.string()).max(1).optional(),
        header_text: z.string().optional(),
        actions: z.array(ZAction).max(10).optional(),
      })
      .strict(),
  })
  .partial()
  .strict();

export const ZContentCreate = z.object({
  friendly_name: z.string().optional(),
  language: z.string().regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, 'a language code such as en or pt_BR'),
  variables: z.record(z.string(), z.string()).optional(),
  types: ZTypes,
});

export const ZApprovalCreate = z.object({ name: z.string(), category: z.string() });

export const WHATSAPP_CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;

const describe = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

export const getContent = (ctx: DomainContext, sid: string): ContentRecord => {
  const content = isSid(sid, 'HX') ? ctx.store.get('contents', sid) : undefined;
  if (!content) throw notFound(`/Content/${sid}`);
  return content;
};

export const listContents = (ctx: DomainContext): ContentRecord[] => ctx.store.recordsByIndex('contents', 'all');

export const createContent = (ctx: DomainContext, body: unknown) =>
  mutate(ctx, {
    prepare: () => {
      const parsed = ZContentCreate.safeParse(body);
      if (!parsed.success) throw invalidParam(`Invalid content: ${describe(parsed.error)}`);
      if (Object.keys(parsed.data.types).length === 0) throw invalidParam('Invalid content: types needs at least one content type');
      assertMaxChars(parsed.data.friendly_name, 256, 'friendly_name');
      return parsed.data;
    },
    hook: () => null,
    apply: (input) => {
      const now = ctx.clock.isoNow();
      const content: ContentRecord = {
        sid: newSid('HX'),
        seq: ctx.store.nextSeq(),
        dateCreated: now,
        dateUpdated: now,
        friendlyName: input.friendly_name ?? '',
        language: input.language,
        variables: input.variables ?? {},
        types: input.types as ContentRecord['types'],
        whatsappApproval: null,
      };
      ctx.store.insert('contents', content);
      return { result: content, events: [] };
    },
  });

export const deleteContent = (ctx: DomainContext, sid: string) =>
  mutate(ctx, {
    prepare: () => getContent(ctx, sid),
    hook: () => null,
    apply: (content) => {
      ctx.store.delete('contents', content.sid);
      return { result: undefined, events: [] };
    },
  });

/** WhatsApp template names: lowercase letters, digits and underscores. */
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

export const submitForWhatsApp = (ctx: DomainContext, sid: string, body: unknown) =>
  mutate(ctx, {
    prepare: () => {
      const content = getContent(ctx, sid);
      const parsed = ZApprovalCreate.safeParse(body);
      if (!parsed.success) throw invalidParam(`Invalid approval request: ${describe(parsed.error)}`);
      if (!TEMPLATE_NAME.test(parsed.data.name)) throw invalidParam("Invalid 'name': use lowercase letters, digits and underscores");
      const category = parsed.data.category.toUpperCase();
      if (!(WHATSAPP_CATEGORIES as readonly string[]).includes(category)) {
        throw invalidParam(`Invalid 'category' ${parsed.data.category}: one of ${WHATSAPP_CATEGORIES.join(', ')}`);
      }
      if (content.whatsappApproval !== null) throw invalidParam(`Content ${sid} was already submitted for WhatsApp approval`);
      return { content, name: parsed.data.name, category };
    },
    hook: () => null,
    apply: ({ content, name, category }) => {
      const now = ctx.clock.isoNow();
      const next: ContentRecord = { ...content, dateUpdated: now, whatsappApproval: { name, category, dateSubmitted: now, decision: null } };
      ctx.store.replace('contents', next);
      return { result: next, events: [] };
    },
  });

/** The control API's verdict: ends the review now, whatever the clock says. */
export const decideWhatsAppApproval = (ctx: DomainContext, sid: string, decision: NonNullable<ContentApproval['decision']>) =>
  mutate(ctx, {
    prepare: () => {
      const content = getContent(ctx, sid);
      if (content.whatsappApproval === null) throw invalidParam(`Content ${sid} was not submitted for WhatsApp approval`);
      return { content, approval: content.whatsappApproval };
    },
    hook: () => null,
    apply: ({ content, approval }) => {
      const next: ContentRecord = { ...content, dateUpdated: ctx.clock.isoNow(), whatsappApproval: { ...approval, decision } };
      ctx.store.replace('contents', next);
      return { result: next, events: [] };
    },
  });
