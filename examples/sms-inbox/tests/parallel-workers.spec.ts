import path from 'node:path';
import { expect, test } from './sample-app-fixture';
import { meet } from './support/meet';

// Two tests in two workers at the same time, texting from the same phone number to the same Twilio
// number: each worker has an emulator of its own, so neither sees the other's messages.
test.describe.configure({ mode: 'parallel' });

for (const worker of ['first', 'second']) {
  test(`the ${worker} of two parallel workers has an emulator of its own`, async ({ app, page, phone, emulator }, testInfo) => {
    await page.goto(app.url);
    const customer = phone('+15558675399');
    await customer.send(app.sms, `Hello from the ${worker} worker`);
    const conversation = page.getByRole('region', { name: `Conversation with ${customer.address}` });
    await expect(conversation.getByRole('listitem')).toHaveText([`Hello from the ${worker} worker`]);

    // Both have texted, and each page has shown its own text, before either goes on.
    const notes = await meet(path.join(testInfo.project.outputDir, 'parallel-workers'), worker, JSON.stringify({ url: emulator.url, pid: process.pid }), 2);
    const [mine, theirs] = [worker, worker === 'first' ? 'second' : 'first'].map((name) => JSON.parse(notes.get(name)!) as { url: string; pid: number });
    expect(theirs!.pid).not.toBe(mine!.pid);
    expect(theirs!.url).not.toBe(mine!.url);

    await conversation.getByLabel('Reply').fill(`Hi ${worker} worker`);
    await conversation.getByRole('button', { name: 'Send' }).click();
    await customer.expectMessage(`Hi ${worker} worker`, { from: app.sms });
    await expect(conversation.getByRole('listitem')).toHaveText([`Hello from the ${worker} worker`, `Hi ${worker} workerDelivered`]);
    expect((await customer.messages()).map((m) => m.body)).toEqual([`Hello from the ${worker} worker`, `Hi ${worker} worker`]);
  });
}
