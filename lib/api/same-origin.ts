import { AppError } from './app-error';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/**
 * Cross-site request forgery defence for the JSON API, on top of SameSite cookies: a
 * state-changing request must be JSON — which a form on another site cannot send, and which a
 * script elsewhere can only send after a CORS preflight this app never grants — and must come
 * from this app's own pages, by its `Origin` or `Sec-Fetch-Site: same-origin`. Browsers send
 * both; other clients send an `Origin` of the app.
 */
export function assertSameOriginJson(req: Request, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const mediaType = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new AppError('unsupported_media_type', 'Send the request as JSON (Content-Type: application/json).');
  if (!isSameOrigin(req.headers, env)) throw new AppError('forbidden', 'Cross-site requests are refused.');
}

function isSameOrigin(headers: Headers, env: Readonly<Record<string, string | undefined>>): boolean {
  const fetchSite = headers.get('sec-fetch-site');
  // A browser that says where the request came from is believed, either way.
  if (fetchSite) return fetchSite === 'same-origin';
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  // Like Next's own check for server actions: the page's host is the host this request was
  // sent to (as the client or a proxy in front of us says), or the app's public URL.
  const hosts = [headers.get('x-forwarded-host'), headers.get('host'), publicHost(env)];
  return hosts.some((host) => host?.toLowerCase() === originHost.toLowerCase());
}

function publicHost(env: Readonly<Record<string, string | undefined>>): string | null {
  try {
    return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).host : null;
  } catch {
    return null;
  }
}
