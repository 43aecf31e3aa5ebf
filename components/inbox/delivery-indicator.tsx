'use client';

import { useEffect, useState } from 'react';
import { DELIVERY_LABELS, deliveryErrorReason, deliveryStatus } from '@/lib/inbox/delivery-status';
import type { DeliverySummary } from '@/lib/conversations/view-records';
import { useMessageSource } from './message-source';

/** Delivery to the customer's phone: queued, sent, delivered, read — or failed, with Twilio's reason. */
export function DeliveryIndicator({ messageSid, summary }: { messageSid: string; summary: DeliverySummary | null }) {
  const source = useMessageSource();
  const status = deliveryStatus(summary);
  const [reason, setReason] = useState<string | null>(null);

  useEffect(() => {
    if (status !== 'failed') return;
    let cancelled = false;
    void source
      .receipts(messageSid)
      .then((receipts) => {
        const failed = receipts.find((receipt) => receipt.status === 'failed' || receipt.status === 'undelivered');
        if (!cancelled) setReason(deliveryErrorReason(failed?.errorCode));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [source, messageSid, status]);

  if (!status) return null;
  return (
    <span data-testid="delivery-status" data-status={status} className={status === 'failed' ? 'font-medium text-red-700' : 'text-slate-500'}>
      {DELIVERY_LABELS[status]}
      {status === 'failed' && reason ? `: ${reason}` : ''}
    </span>
  );
}
