import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Puts `handler` in front of the server's existing `request` listeners (the REST listener): it sees
 * every request first and returns true for the ones it answers; the rest reach the REST listener
 * unchanged. Lets the realtime layer serve the SDK's MCS calls (token auth, CORS) on the REST paths
 * without the REST stack knowing about it. Returns a function that restores the original listeners.
 */
export function interceptRequests(server: Server, handler: (req: IncomingMessage, res: ServerResponse) => boolean): () => void {
  const previous = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  const listener: RequestListener = (req, res) => {
    if (handler(req, res)) return;
    for (const next of previous) next.call(server, req, res);
  };
  server.on('request', listener);
  return () => {
    server.off('request', listener);
    for (const next of previous) server.on('request', next);
  };
}
