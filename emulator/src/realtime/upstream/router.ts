import { isTwilioError, notFound, TwilioError } from '../../domain/errors';
import type { RouteHandler, UpstreamHandler, UpstreamRequest, UpstreamResponse } from './types';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The pluggable upstream router: twilsock `message` requests (§3) are dispatched here by method and
 * decoded path. Patterns are literal segments and `:name` captures, e.g. `/v3/Lists/:id/Items/:index`.
 * Matching compares decoded segments, so a capture may contain `/` (sent as `%2F`, §13.4).
 */
export type UpstreamRouter = UpstreamHandler & {
  add(method: HttpMethod, pattern: string, handler: RouteHandler): UpstreamRouter;
};

type Route = { method: HttpMethod; parts: readonly Part[]; handler: RouteHandler };
type Part = { literal: string } | { capture: string };

export type UpstreamRouterOptions = {
  onUnexpectedError?: (error: unknown, request: UpstreamRequest) => void;
};

export function createUpstreamRouter(options: UpstreamRouterOptions = {}): UpstreamRouter {
  const routes: Route[] = [];
  const onUnexpectedError =
    options.onUnexpectedError ??
    ((error, request) => console.error(`[realtime] ${request.method} ${request.path} failed`, error));

  const router: UpstreamRouter = {
    add(method, pattern, handler) {
      routes.push({ method, parts: parsePattern(pattern), handler });
      return router;
    },
    async handle(request) {
      let pathMatched = false;
      for (const route of routes) {
        const params = match(route.parts, request.segments);
        if (!params) continue;
        pathMatched = true;
        if (route.method !== request.method) continue;
        try {
          return await route.handler({ ...request, params });
        } catch (error) {
          return errorResponse(error, request, onUnexpectedError);
        }
      }
      return pathMatched
        ? { status: 405, body: new TwilioError(20004, 405, 'Method not allowed').toJSON() }
        : { status: 404, body: notFound(request.path).toJSON() };
    },
  };
  return router;
}

function parsePattern(pattern: string): Part[] {
  return pattern
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => (segment.startsWith(':') ? { capture: segment.slice(1) } : { literal: segment }));
}

function match(parts: readonly Part[], segments: readonly string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    const segment = segments[i] as string;
    if ('literal' in part) {
      if (part.literal !== segment) return null;
    } else {
      params[part.capture] = segment;
    }
  }
  return params;
}

function errorResponse(
  error: unknown,
  request: UpstreamRequest,
  onUnexpectedError: (error: unknown, request: UpstreamRequest) => void,
): UpstreamResponse {
  if (isTwilioError(error)) return { status: error.status, body: error.toJSON() };
  onUnexpectedError(error, request);
  return { status: 500, body: new TwilioError(20500, 500, 'Internal Server Error').toJSON() };
}
