import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { processPreAction } from '@/lib/webhooks/process-pre-action';
import { processWebhook } from '@/lib/webhooks/process-webhook';

export type WebhookApp = {
  webhookUrl: string;
  preActionWebhookUrl: string;
  /** Resolves once the follow-up work of every webhook so far (an agent joining…) has finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
};

/**
 * The app's two webhook endpoints on a plain HTTP server, running the same handlers the Next
 * routes run, so the emulator's signed webhooks reach the real processing in a test process.
 */
export async function startWebhookApp(authToken: string): Promise<WebhookApp> {
  const followUps = new Set<Promise<void>>();
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = (req.headers['x-twilio-signature'] as string | undefined) ?? null;
      const answer =
        req.url === '/api/webhooks/twilio/pre-action'
          ? processPreAction({ body, signature, authToken, url: `${base}${req.url}` })
          : processWebhook({
              body,
              signature,
              idempotencyToken: (req.headers['i-twilio-idempotency-token'] as string | undefined) ?? null,
              authToken,
              url: `${base}${req.url}`,
              defer: (work) => {
                const running = work().finally(() => followUps.delete(running));
                followUps.add(running);
              },
            });
      void answer.then(
        (result) => res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    webhookUrl: `${base}/api/webhooks/twilio`,
    preActionWebhookUrl: `${base}/api/webhooks/twilio/pre-action`,
    async settled() {
      while (followUps.size > 0) await Promise.allSettled([...followUps]);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
