import type { Page } from 'playwright-core';

type Marks = Record<string, number>;

/**
 * Measures one agent's message to another's screen: the sender's page notes when Enter sends
 * a text, the receiver's page when the text first appears — both in their own page clock, so the
 * figure includes the app, Twilio and rendering, and nothing of the harness.
 */
export async function sendToRenderProbe(sender: Page, receiver: Page) {
  await receiver.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { seen: Record<string, number> }).seen = seen;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('[data-testid="message-body"]')) {
        const text = element.textContent ?? '';
        if (text.startsWith('ping ') && !seen[text]) seen[text] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await sender.evaluate(() => {
    const sent: Record<string, number> = {};
    (window as unknown as { sent: Record<string, number> }).sent = sent;
    document.addEventListener(
      'keydown',
      (event) => {
        const target = event.target as HTMLTextAreaElement;
        if (event.key === 'Enter' && target.tagName === 'TEXTAREA') sent[target.value] = Date.now();
      },
      true,
    );
  });
  let n = 0;
  /** Sends the next `ping N` from the composer and answers how long it took to show for the receiver (ms). */
  return async function sendOne(): Promise<number> {
    const text = `ping ${n++}`;
    const box = sender.getByRole('textbox', { name: 'Message' });
    await box.fill(text);
    await box.press('Enter');
    await receiver.getByTestId('message-body').filter({ hasText: new RegExp(`^${text}$`) }).waitFor();
    const sent = await sender.evaluate((t) => (window as unknown as { sent: Marks }).sent[t]!, text);
    const seen = await receiver.evaluate((t) => (window as unknown as { seen: Marks }).seen[t]!, text);
    return seen - sent;
  };
}
