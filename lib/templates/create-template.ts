import 'server-only';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import { toTemplateView } from './list-templates';
import { templateTypes, type TCreateTemplate } from './template-form';
import type { TemplateView } from './template-view';

export { ZCreateTemplate } from './template-form';

/** Creates a content template in Twilio's Content API (not yet submitted for WhatsApp). */
export async function createTemplate(input: TCreateTemplate): Promise<TemplateView> {
  // The helper sends this object as the JSON body: Twilio's wire names, not the typings' camelCase.
  const body = { friendly_name: input.friendlyName, language: input.language, variables: input.variables, types: templateTypes(input) };
  const created = await getTwilioClient().content.v1.contents.create(body as never);
  return toTemplateView({ ...created, approval: null });
}
