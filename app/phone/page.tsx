import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { PhoneSimulator } from '@/components/phone/phone-simulator';
import { listTwilioNumbers } from '@/lib/twilio/twilio-numbers';
import { readTwilioEnv } from '@/lib/twilio/twilio-env';

export const metadata: Metadata = { title: 'Customer phone · Switchboard' };

/**
 * A simulated customer's phone for emulator mode: text the business without a real phone. It talks
 * only to the emulator's carrier (emulator/README.md, "Control API"), so it needs no sign-in; with live
 * Twilio there is no carrier to talk to and the page does not exist.
 */
export default async function PhonePage() {
  // Read the environment per request: the build has no emulator to point at.
  await connection();
  const env = readTwilioEnv();
  if (env.mode !== 'emulator') notFound();
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-6 p-6">
      <header>
        <h1 className="text-xl font-semibold">Customer phone</h1>
        <p className="mt-1 text-sm text-slate-600">
          A simulated phone on the emulator’s network. Text one of the business’s numbers as a customer would, and watch the replies arrive.
        </p>
      </header>
      <PhoneSimulator emulatorUrl={env.emulatorPublicUrl} numbers={listTwilioNumbers()} />
    </main>
  );
}
