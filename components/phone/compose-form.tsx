'use client';

import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SelectField, TextAreaField } from '@/components/ui/labelled-fields';
import { displayAddress, type MessagingChannel } from '@/lib/conversations/phone-address';

type Props = {
  channel: MessagingChannel;
  numbers: string[];
  twilioNumber: string;
  others: string;
  isReachable: boolean;
  onTwilioNumberChange: (number: string) => void;
  onOthersChange: (others: string) => void;
  onSend: (input: { body: string; file: File | null }) => Promise<string | null>;
};

/** Write and send: to a Twilio number, optionally with other phones for a group text; text and one file. */
export function ComposeForm({ channel, numbers, twilioNumber, others, isReachable, onTwilioNumberChange, onOthersChange, onSend }: Props) {
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() && !file) {
      setError('Write a message or attach a file.');
      return;
    }
    setIsSending(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await onSend({ body: body.trim(), file }));
      setBody('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : 'The message could not be sent.');
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 border-t border-slate-200 pt-3" aria-label="Write a message">
      <div className="flex flex-wrap gap-3">
        <SelectField label="To (Twilio number)" value={twilioNumber} onChange={(event) => onTwilioNumberChange(event.target.value)}>
          {numbers.map((number) => (
            <option key={number} value={number}>
              {displayAddress(number)}
            </option>
          ))}
        </SelectField>
        {channel === 'sms' ? (
          <TextField
            label="Also to (group text)"
            placeholder="+15558675311, +15558675312"
            value={others}
            onChange={(event) => onOthersChange(event.target.value)}
            className="min-w-64 flex-1"
          />
        ) : null}
      </div>
      <TextAreaField label="Message" value={body} onChange={(event) => setBody(event.target.value)} rows={3} maxLength={1600} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="phone-file" className="text-sm font-medium text-slate-700">
            Attach a picture or file
          </label>
          <input id="phone-file" ref={fileInput} type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} className="text-sm" />
        </div>
        <Button type="submit" disabled={isSending || !isReachable || numbers.length === 0}>
          {isSending ? 'Sending…' : 'Send'}
        </Button>
      </div>
      {!isReachable ? <Alert tone="info">This phone has no service: turn it back on to send.</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
    </form>
  );
}
