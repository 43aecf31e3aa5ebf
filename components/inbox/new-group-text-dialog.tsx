'use client';

import type { FormEvent } from 'react';
import { useStartConversation } from './use-start-conversation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { SelectField, TextAreaField } from '@/components/ui/labelled-fields';
import { displayAddress } from '@/lib/conversations/phone-address';
import { MAX_GROUP_CUSTOMERS, ZStartGroupText } from '@/lib/group-texts/group-text-rules';

type Props = { numbers: string[]; open: boolean; onClose: () => void };

/** Start a group text: up to nine customers' +1 numbers, and the number they will see you as. */
export function NewGroupTextDialog({ numbers, open, onClose }: Props) {
  const { start, pending, error, setError } = useStartConversation('/api/group-texts', onClose);
  const projectable = numbers.filter((number) => /^\+1\d{10}$/.test(number));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const customers = String(form.get('customers') ?? '')
      .split(/[\n,;]+/)
      .map((value) => value.trim())
      .filter(Boolean);
    const parsed = ZStartGroupText.safeParse({ customers, projectedAddress: String(form.get('projectedAddress') ?? ''), name: String(form.get('name') ?? '') || undefined });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the form.');
      return;
    }
    await start(parsed.data);
  }

  return (
    <Dialog open={open} onClose={onClose} labelledBy="new-group-title">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <h2 id="new-group-title" className="text-base font-semibold">New group text</h2>
        <TextAreaField
          label="Customers’ numbers"
          name="customers"
          rows={3}
          placeholder={'+1 555 867 5310\n+1 555 010 4444'}
          hint={`One per line; up to ${MAX_GROUP_CUSTOMERS}, US or Canadian (+1) numbers.`}
        />
        <TextField label="Group name (optional)" name="name" autoComplete="off" />
        <SelectField label="Customers see you as" name="projectedAddress">
          {projectable.map((number) => (
            <option key={number} value={number}>{displayAddress(number)}</option>
          ))}
        </SelectField>
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button type="submit" disabled={pending || projectable.length === 0}>{pending ? 'Starting…' : 'Start group text'}</Button>
        </div>
      </form>
    </Dialog>
  );
}
