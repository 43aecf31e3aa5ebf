import { whatsappApprovalStatus, whatsappContentType } from '../domain/content-approval';
import type { ContentRecord } from '../store/records';

/** Where the Content API lives at Twilio: the base of the URLs its resources carry. */
export const CONTENT_HOST = 'https://content.twilio.com';

const contentUrl = (sid: string) => `${CONTENT_HOST}/v1/Content/${sid}`;

const baseJson = (c: ContentRecord, accountSid: string) => ({
  date_created: c.dateCreated,
  date_updated: c.dateUpdated,
  sid: c.sid,
  account_sid: accountSid,
  friendly_name: c.friendlyName,
  language: c.language,
  variables: c.variables,
  types: c.types,
});

/** `content.v1.content`. */
export const contentJson = (c: ContentRecord, accountSid: string) => ({
  ...baseJson(c, accountSid),
  url: contentUrl(c.sid),
  links: {
    approval_create: `${contentUrl(c.sid)}/ApprovalRequests/whatsapp`,
    approval_fetch: `${contentUrl(c.sid)}/ApprovalRequests`,
  },
});

/** WhatsApp's review of a content at time `now`, as the approval resources and the list show it. */
export const whatsappApprovalJson = (c: ContentRecord, now: number) => {
  const { status, rejectionReason } = whatsappApprovalStatus(c, now);
  return {
    name: c.whatsappApproval?.name ?? '',
    category: c.whatsappApproval?.category ?? '',
    content_type: c.whatsappApproval ? whatsappContentType(c) : '',
    status,
    rejection_reason: rejectionReason,
    allow_category_change: true,
  };
};

/** `content.v1.content.approval_fetch`. */
export const approvalFetchJson = (c: ContentRecord, accountSid: string, now: number) => ({
  sid: c.sid,
  account_sid: accountSid,
  whatsapp: { type: 'whatsapp', ...whatsappApprovalJson(c, now) },
  url: `${contentUrl(c.sid)}/ApprovalRequests`,
});

/** `content.v1.content_and_approvals`. */
export const contentAndApprovalsJson = (c: ContentRecord, accountSid: string, now: number) => ({
  ...baseJson(c, accountSid),
  approval_requests: whatsappApprovalJson(c, now),
});
