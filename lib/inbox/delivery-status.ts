import type { DeliverySummary } from '@/lib/conversations/view-records';

export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

/** One status for a message from the receipts of all its SMS/WhatsApp recipients: the worst wins. */
export function deliveryStatus(summary: DeliverySummary | null): DeliveryStatus | null {
  if (!summary || summary.total === 0) return null;
  if (summary.failed !== 'none' || summary.undelivered !== 'none') return 'failed';
  if (summary.read === 'all') return 'read';
  if (summary.delivered === 'all' || (summary.delivered !== 'none' && summary.read !== 'none')) return 'delivered';
  if (summary.sent === 'all' || summary.delivered !== 'none' || summary.sent === 'some') return 'sent';
  return 'queued';
}

export const DELIVERY_LABELS: Record<DeliveryStatus, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
};

// Twilio's messaging error codes an agent can act on, in plain words.
const ERROR_REASONS: Record<string, string> = {
  '30003': 'the phone is unreachable or switched off',
  '30004': 'the recipient blocked this number',
  '30005': 'the number does not exist',
  '30006': 'the number cannot receive texts (landline or carrier)',
  '30007': 'the carrier filtered it as spam',
  '30008': 'an unknown carrier error',
  '63016': 'WhatsApp’s 24-hour window has closed; send a template',
  '21655': 'the template does not exist',
  '21656': 'the template’s variables are invalid',
  '63024': 'the recipient is not on WhatsApp',
};

export function deliveryErrorReason(errorCode: string | number | null | undefined): string {
  if (errorCode === null || errorCode === undefined || errorCode === '' || errorCode === 0) return 'no reason given';
  return ERROR_REASONS[String(errorCode)] ?? `error ${errorCode}`;
}
