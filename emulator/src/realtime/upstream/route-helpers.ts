import type { RoutedRequest, UpstreamResponse } from './types';

/** Helpers every route handler (Sync and chat) uses. */

export function ok(body: unknown, status = 200): UpstreamResponse {
  return { status, body };
}

/** A `:name` capture of the route's pattern; missing only when the pattern and the handler disagree. */
export function param(request: RoutedRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
}
