'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { channelOfAddress, toChannelAddress, toE164, type MessagingChannel } from '@/lib/conversations/phone-address';

type Props = { initialAddress: string | null; onOpen: (address: string) => void };

const SAMPLES = ['+15558675310', '+15558675311', '+15558675312'];

/** Which customer's phone this page is: a number and a channel (SMS or WhatsApp). */
export function PhoneSetupForm({ initialAddress, onOpen }: Props) {
  const [channel, setChannel] = useState<MessagingChannel>(initialAddress ? channelOfAddress(initialAddress) : 'sms');
  const [number, setNumber] = useState(initialAddress?.replace(/^whatsapp:/, '') ?? SAMPLES[0] ?? '');
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const e164 = toE164(number);
    if (!e164) {
      setError('Enter a number in international format, e.g. +15558675310.');
      return;
    }
    setError(undefined);
    onOpen(toChannelAddress(e164, channel));
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Choose the customer's phone">
      <TextField
        label="Customer's number"
        name="customer"
        value={number}
        onChange={(event) => setNumber(event.target.value)}
        list="phone-samples"
        inputMode="tel"
        autoComplete="off"
        error={error}
        className="w-56"
      />
      <datalist id="phone-samples">
        {SAMPLES.map((sample) => (
          <option key={sample} value={sample} />
        ))}
      </datalist>
      <div className="flex flex-col gap-1">
        <label htmlFor="phone-channel" className="text-sm font-medium text-slate-700">
          Channel
        </label>
        <select
          id="phone-channel"
          value={channel}
          onChange={(event) => setChannel(event.target.value === 'whatsapp' ? 'whatsapp' : 'sms')}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        >
          <option value="sms">SMS</option>
          <option value="whatsapp">WhatsApp</option>
        </select>
      </div>
      <Button type="submit">Open phone</Button>
    </form>
  );
}
