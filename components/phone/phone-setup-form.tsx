'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/labelled-fields';
import { channelOfAddress, displayAddress, toChannelAddress, toE164, type MessagingChannel } from '@/lib/conversations/phone-address';

type Props = { initialAddress: string | null; onOpen: (address: string) => void };

const SAMPLES = ['+15558675310', '+15558675311', '+15558675312'];

/** Which customer's phone this page is: a number and a channel (SMS or WhatsApp). */
export function PhoneSetupForm({ initialAddress, onOpen }: Props) {
  const [channel, setChannel] = useState<MessagingChannel>(initialAddress ? channelOfAddress(initialAddress) : 'sms');
  const [number, setNumber] = useState((initialAddress ? displayAddress(initialAddress) : SAMPLES[0]) ?? '');
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
      <SelectField label="Channel" value={channel} onChange={(event) => setChannel(event.target.value === 'whatsapp' ? 'whatsapp' : 'sms')}>
        <option value="sms">SMS</option>
        <option value="whatsapp">WhatsApp</option>
      </SelectField>
      <Button type="submit">Open phone</Button>
    </form>
  );
}
