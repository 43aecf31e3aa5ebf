import type { ContentRecord } from '../store/records';

/**
 * WhatsApp's review of a content template, on the emulator clock: a submitted template is `received`,
 * `pending` a minute later, and decided ten minutes after submission — approved, unless it breaks one
 * of WhatsApp's formatting rules checked here (then rejected with the reason). The control API can
 * decide at any time (`POST /emulator/v1/Content/{Sid}/ApprovalRequests/whatsapp`).
 */
export const REVIEW_TIMES_MS = { pending: 60_000, decided: 10 * 60_000 } as const;

export type ApprovalStatus = { status: 'unsubmitted' | 'received' | 'pending' | 'approved' | 'rejected'; rejectionReason: string };

/** A WhatsApp rule the review checks: its reason when the content breaks it. */
const formatProblem = (content: ContentRecord): string | null => {
  for (const type of Object.values(content.types)) {
    const body = typeof type.body === 'string' ? type.body.trim() : '';
    if (/^\{\{[^}]*\}\}/.test(body) || /\{\{[^}]*\}\}[.!?]?$/.test(body)) {
      return 'INVALID_FORMAT - Variable parameters cannot be at the start or end of the template body';
    }
  }
  return null;
};

/** Where WhatsApp's review of the content stands at the emulator's current time. */
export const whatsappApprovalStatus = (content: ContentRecord, now: number): ApprovalStatus => {
  const approval = content.whatsappApproval;
  if (approval === null) return { status: 'unsubmitted', rejectionReason: '' };
  if (approval.decision) return approval.decision;
  const elapsed = now - Date.parse(approval.dateSubmitted);
  if (elapsed < REVIEW_TIMES_MS.pending) return { status: 'received', rejectionReason: '' };
  if (elapsed < REVIEW_TIMES_MS.decided) return { status: 'pending', rejectionReason: '' };
  const problem = formatProblem(content);
  return problem === null ? { status: 'approved', rejectionReason: '' } : { status: 'rejected', rejectionReason: problem };
};

/** The content type WhatsApp reviews: the richest one the resource has. */
export const whatsappContentType = (content: ContentRecord): string =>
  ['whatsapp/card', 'twilio/card', 'twilio/call-to-action', 'twilio/quick-reply', 'twilio/media', 'twilio/text'].find((t) => t in content.types) ??
  Object.keys(content.types)[0] ??
  'twilio/text';
