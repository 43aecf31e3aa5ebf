import { test as kit } from 'conversations-emulator/playwright';
import { startSampleApp, type SampleApp } from '../app/start-sample-app';

/**
 * The kit's `test` plus the app under test. The app is started per test, after the kit has emptied the
 * emulator, and told to reach Twilio at this worker's emulator; Twilio reaches the app through the
 * kit's webhook receiver, so tests can assert what the app was sent.
 */
export const test = kit.extend<{ app: SampleApp & { sms: string; whatsapp: string } }>({
  app: async ({ emulator, webhooks }, use) => {
    const sms = emulator.numbers.find((n) => !n.startsWith('whatsapp:'))!;
    const whatsapp = emulator.numbers.find((n) => n.startsWith('whatsapp:'))!;
    const app = await startSampleApp({
      twilio: { url: emulator.url, credentials: emulator.credentials },
      numbers: { sms, whatsapp },
      publicUrl: webhooks.url,
    });
    webhooks.forwardTo(app.url);
    await use({ ...app, sms, whatsapp });
    await app.close();
  },
});

export { expect } from 'conversations-emulator/playwright';
