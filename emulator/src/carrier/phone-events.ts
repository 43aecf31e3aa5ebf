import type { ServerResponse } from 'node:http';
import type { Carrier } from './carrier';
import { carrierMessageJson } from './serialize';

const HEARTBEAT_MS = 15_000;

/**
 * A phone's live feed as Server-Sent Events (`GET /emulator/v1/Carrier/Phones/{address}/Events`), for
 * the customer-phone page: `message` (an entry of this phone was added or changed: the entry's JSON),
 * `phone` (its reachability changed) and `reset` (the emulator was reset). A comment line every 15 s
 * keeps proxies from closing it. The browser's EventSource reconnects on its own; the page reloads the
 * list on (re)connect, so nothing is missed.
 */
export const streamPhoneEvents = (carrier: Carrier, address: string, baseUrl: string) => (res: ServerResponse) => {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  res.write(': connected\n\n');
  const unsubscribe = carrier.onChange((change) => {
    if (change.kind === 'entry' && change.entry.phone === address) write('message', carrierMessageJson(change.entry, baseUrl));
    if (change.kind === 'phone' && change.address === address) write('phone', { address, reachable: change.reachable });
    if (change.kind === 'reset') write('reset', {});
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
};
