'use client';

import { type FormEvent, useState } from 'react';
import { useStartConversation } from './use-start-conversation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/labelled-fields';
import { channelOfAddress, displayAddress } from '@/lib/conversations/phone-address';
import { ZStartConversation } from '@/lib/conversations/start-conversation-schema';
import type { StartConversationDraft } from './start-conversation-context';

type Props = { numbers: string[]; open: boolean; onClose: () => void; initial?: StartConversationDraft | null };

/** Start an SMS or WhatsApp conversation with a customer, from one of the account's numbers. */
export function NewConversationDialog({ numbers, open, onClose, initial = null }: Props) {
  const [channel, setChannel] = useState<'sms' | 'whatsapp'>(initial?.channel ?? 'sms');
  const { start, pending, error, setError } = useStartConversation('/api/conversations', onClose);
  const choices = numbers.filter((number) => channelOfAddress(number) === channel);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZStartConversation.safeParse({
      channel,
      customerNumber: String(form.get('customerNumber') ?? ''),
      customerName: String(form.get('customerName') ?? '') || undefined,
      from: String(form.get('from') ?? ''),
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    await start(parsed.data);
  }

  return (
    <Dialog open={open} onClose={onClose} labelledBy="new-conversation-title">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <h2 id="new-conversation-title" className="text-base font-semibold">New conversation</h2>
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-sm font-medium text-slate-700">Channel</legend>
          {(['sms', 'whatsapp'] as const).map((option) => (
            <label key={option} className="flex items-center gap-1.5">
              <input type="radio" name="channel" value={option} checked={channel === option} onChange={() => setChannel(option)} />
              {option === 'sms' ? 'SMS' : 'WhatsApp'}
            </label>
          ))}
        </fieldset>
        <TextField label="Customer’s number" name="customerNumber" placeholder="+1 555 867 5310" inputMode="tel" autoComplete="off" required defaultValue={initial?.customerNumber} />
        <TextField label="Customer’s name (optional)" name="customerName" autoComplete="off" defaultValue={initial?.customerName} />
        <SelectField
          label="From"
          name="from"
          error={choices.length === 0 ? `The account has no ${channel === 'sms' ? 'SMS' : 'WhatsApp'} number.` : undefined}
        >
          {choices.map((number) => (
            <option key={number} value={number}>{displayAddress(number)}</option>
          ))}
        </SelectField>
        {channel === 'whatsapp' ? (
          <Alert tone="info">WhatsApp conversations start with an approved template: you pick one next, and free-form replies open once the customer answers.</Alert>
        ) : null}
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={pending || choices.length === 0}>{pending ? 'Starting…' : 'Start'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
