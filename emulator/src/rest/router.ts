import type { Handler } from './types';

type Route = { method: string; segments: string[]; handler: Handler; auth: boolean };

export type RouteMatch =
  | { kind: 'found'; handler: Handler; params: Record<string, string>; auth: boolean }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

/**
 * A small route table: patterns like `/v1/Conversations/{ConversationSid}/Messages`, matched segment by
 * segment (names in braces capture). Adapters (REST, MCS, carrier control API) register their routes on
 * the same router; `auth: false` marks the emulator's own control endpoints.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: { auth?: boolean } = {}): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler, auth: options.auth ?? true });
    return this;
  }

  get(pattern: string, handler: Handler, options?: { auth?: boolean }) {
    return this.add('GET', pattern, handler, options);
  }

  post(pattern: string, handler: Handler, options?: { auth?: boolean }) {
    return this.add('POST', pattern, handler, options);
  }

  delete(pattern: string, handler: Handler, options?: { auth?: boolean }) {
    return this.add('DELETE', pattern, handler, options);
  }

  match(method: string, path: string): RouteMatch {
    const segments = split(path);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params, auth: route.auth };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }

  /** Every registered `METHOD pattern`, for the coverage test. */
  list(): string[] {
    return this.routes.map((r) => `${r.method} /${r.segments.join('/')}`);
  }
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

const matchSegments = (pattern: string[], actual: string[]): Record<string, string> | null => {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i] ?? '';
    const a = actual[i] ?? '';
    if (p.startsWith('{') && p.endsWith('}')) {
      let value: string;
      try {
        value = decodeURIComponent(a);
      } catch {
        return null;
      }
      params[p.slice(1, -1)] = value;
    } else if (p !== a) return null;
  }
  return params;
};
