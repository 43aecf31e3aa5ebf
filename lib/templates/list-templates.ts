import 'server-only';
import { getTwilioClient } from '@/lib/twilio/rest-client';
import type { TemplateView, WhatsAppStatus } from './template-view';

type Approval = { status?: string; rejection_reason?: string; name?: string; category?: string } | null | undefined;

const STATUSES: readonly WhatsAppStatus[] = ['unsubmitted', 'received', 'pending', 'approved', 'rejected', 'paused', 'disabled'];

export function toTemplateView(content: {
  sid: string;
  friendlyName: string | null;
  language: string | null;
  variables: unknown;
  types: unknown;
  approval: Approval;
}): TemplateView {
  const status = STATUSES.find((s) => s === content.approval?.status) ?? 'unsubmitted';
  return {
    sid: content.sid,
    friendlyName: content.friendlyName ?? '',
    language: content.language ?? '',
    variables: (content.variables ?? {}) as Record<string, string>,
    types: (content.types ?? {}) as TemplateView['types'],
    whatsapp: {
      status,
      rejectionReason: content.approval?.rejection_reason ?? '',
      name: content.approval?.name ?? '',
      category: content.approval?.category ?? '',
    },
  };
}

/** Every content template of the account with WhatsApp's review, from Twilio's Content API. */
export async function listTemplates(): Promise<TemplateView[]> {
  const contents = await getTwilioClient().content.v1.contentAndApprovals.list({ limit: 1000 });
  return contents.map((c) =>
    toTemplateView({ sid: c.sid, friendlyName: c.friendlyName, language: c.language, variables: c.variables, types: c.types, approval: c.approvalRequests as Approval }),
  );
}

/** One template with its review (404 as not_found is the caller's). */
export async function fetchTemplate(contentSid: string): Promise<TemplateView> {
  const content = getTwilioClient().content.v1.contents(contentSid);
  const [resource, approval] = await Promise.all([content.fetch(), content.approvalFetch().fetch()]);
  return toTemplateView({
    sid: resource.sid,
    friendlyName: resource.friendlyName,
    language: resource.language,
    variables: resource.variables,
    types: resource.types,
    approval: approval.whatsapp as Approval,
  });
}
