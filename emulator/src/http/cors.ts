import { isAllowedControlOrigin, type ControlOrigins } from './control-origins';
import type { CorsPolicy } from './route';

/**
 * The `Access-Control-Allow-Origin` a route's policy gives the page on `origin`: `*` for any, the
 * page's own origin when it is one of the control origins, null when that page may not call.
 */
export const allowedOrigin = (cors: CorsPolicy, origin: string | undefined, controlOrigins: ControlOrigins): string | null => {
  if (cors.origins === 'any') return '*';
  if (!isAllowedControlOrigin(controlOrigins, origin)) return null;
  return origin ?? null;
};

/** On every response of a route with CORS, errors included, so a browser script can read what went wrong. */
export const corsHeaders = (cors: CorsPolicy, allowOrigin: string | null): Record<string, string> => ({
  ...(allowOrigin ? { 'Access-Control-Allow-Origin': allowOrigin } : {}),
  // An answer that depends on the page must not be cached for another.
  ...(cors.origins === 'any' ? {} : { Vary: 'Origin' }),
  ...(cors.exposeHeaders?.length ? { 'Access-Control-Expose-Headers': cors.exposeHeaders.join(', ') } : {}),
});

/** The answer to a preflight for a path whose routes allow `methods`. */
export const preflightHeaders = (cors: CorsPolicy, allowOrigin: string | null, methods: readonly string[]): Record<string, string> => ({
  ...corsHeaders(cors, allowOrigin),
  'Access-Control-Allow-Methods': [...new Set([...methods, 'OPTIONS'])].join(', '),
  'Access-Control-Allow-Headers': cors.allowHeaders.join(', '),
  'Access-Control-Max-Age': '600',
});
