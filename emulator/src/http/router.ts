import { invalidParam } from '../domain/errors';
import type { AuthScheme, BodyFormat, CorsPolicy, Handler, HttpMethod, Product, RouteOptions } from './route';

/** Twilio's form parameters are small; uploads declare their own limit. */
const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export type Route = {
  method: HttpMethod;
  /** The full pattern at the emulator's base URL (the product's mount included). */
  pattern: string;
  product: Product;
  /** The pattern as the product itself names it, without the mount: what its OpenAPI spec lists. */
  productPath: string;
  auth: readonly AuthScheme[];
  body: BodyFormat;
  bodyLimit: number;
  cors: CorsPolicy | null;
  handler: Handler;
  segments: readonly Segment[];
};

type Segment = { literal: string } | { capture: string };

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: HttpMethod[]; cors: CorsPolicy | null }
  | { kind: 'not-found' };

/** Registers one product's routes: paths are the product's own, options default to the product's. */
export type ProductRoutes = {
  get(path: string, handler: Handler, options?: Partial<RouteOptions>): ProductRoutes;
  post(path: string, handler: Handler, options?: Partial<RouteOptions>): ProductRoutes;
  put(path: string, handler: Handler, options?: Partial<RouteOptions>): ProductRoutes;
  patch(path: string, handler: Handler, options?: Partial<RouteOptions>): ProductRoutes;
  delete(path: string, handler: Handler, options?: Partial<RouteOptions>): ProductRoutes;
};

/**
 * The emulator's one route table, for every transport. Patterns are literal segments and `{Name}`
 * captures, matched against percent-decoded segments (so a capture may hold a `/` sent as `%2F`);
 * where several patterns match, the one with a literal earliest wins (`Users/Me` over `Users/{Identity}`).
 */
export class Router {
  private readonly table: Route[] = [];

  product(product: Product, defaults: RouteOptions): ProductRoutes {
    const add = (method: HttpMethod) => (path: string, handler: Handler, options: Partial<RouteOptions> = {}) => {
      this.add(product, method, path, handler, { ...defaults, ...options });
      return routes;
    };
    const routes: ProductRoutes = { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
    return routes;
  }

  match(method: string, path: string): RouteMatch {
    const segments = decodeSegments(path);
    let best: { route: Route; params: Record<string, string> } | null = null;
    const allowed = new Set<HttpMethod>();
    let cors: CorsPolicy | null = null;
    for (const route of this.table) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.add(route.method);
        cors ??= route.cors;
        continue;
      }
      if (!best || moreSpecific(route.segments, best.route.segments)) best = { route, params };
    }
    if (best) return { kind: 'found', ...best };
    return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed], cors } : { kind: 'not-found' };
  }

  /** Every registered route, in registration order (for the coverage test and the docs). */
  routes(): readonly Route[] {
    return this.table;
  }

  private add(product: Product, method: HttpMethod, productPath: string, handler: Handler, options: RouteOptions): void {
    const pattern = `${product.mount}${productPath}`;
    this.table.push({
      method,
      pattern,
      product,
      productPath,
      auth: typeof options.auth === 'string' ? [options.auth] : options.auth,
      body: options.body ?? 'form',
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      cors: options.cors ?? null,
      handler,
      segments: parsePattern(pattern),
    });
  }
}

const parsePattern = (pattern: string): Segment[] =>
  pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (s.startsWith('{') && s.endsWith('}') ? { capture: s.slice(1, -1) } : { literal: s }));

/** Split first, then decode each segment: `%2F` inside a unique name stays inside its segment. */
const decodeSegments = (path: string): string[] =>
  path
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw invalidParam(`Malformed percent-encoding in "${segment}"`);
      }
    });

const matchSegments = (pattern: readonly Segment[], actual: readonly string[]): Record<string, string> | null => {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i] as Segment;
    const a = actual[i] as string;
    if ('literal' in p) {
      if (p.literal !== a) return null;
    } else params[p.capture] = a;
  }
  return params;
};

const moreSpecific = (a: readonly Segment[], b: readonly Segment[]): boolean => {
  for (let i = 0; i < a.length; i += 1) {
    const aLiteral = 'literal' in (a[i] as Segment);
    const bLiteral = 'literal' in (b[i] as Segment);
    if (aLiteral !== bLiteral) return aLiteral;
  }
  return false;
};
