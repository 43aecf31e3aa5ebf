import type { CorsPolicy } from './route';

/** On every response of a route with CORS, errors included, so a browser script can read what went wrong. */
export const corsHeaders = (cors: CorsPolicy): Record<string, string> => ({
  'Access-Control-Allow-Origin': '*',
  ...(cors.exposeHeaders?.length ? { 'Access-Control-Expose-Headers': cors.exposeHeaders.join(', ') } : {}),
});

/** The answer to a preflight for a path whose routes allow `methods`. */
export const preflightHeaders = (cors: CorsPolicy, methods: readonly string[]): Record<string, string> => ({
  ...corsHeaders(cors),
  'Access-Control-Allow-Methods': [...new Set([...methods, 'OPTIONS'])].join(', '),
  'Access-Control-Allow-Headers': cors.allowHeaders.join(', '),
  'Access-Control-Max-Age': '600',
});
