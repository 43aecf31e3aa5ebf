import type { NextRequest } from 'next/server';
import { type CurrentUser, getSessionState } from '@/lib/auth/current-user';
import { decideAccess, type Role } from '@/lib/auth/roles';
import { assertDeclaredLength, BODY_LIMITS, readLimitedBody } from '@/lib/http/read-limited-body';
import { AppError } from './app-error';
import { errorResponse } from './error-response';
import { assertSameOriginJson, isStateChanging } from './same-origin';

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Params> = (input: { req: NextRequest; user: CurrentUser; sessionId: string; params: Params }) => Promise<Response>;
type Options = {
  roles?: readonly Role[];
  /** The largest body this route reads (default BODY_LIMITS.json). */
  maxBodyBytes?: number;
};

// readJson reads a body within its route's limit; the route declares it once, here.
const bodyLimits = new WeakMap<Request, number>();

/**
 * The route guard every API handler is wrapped in. Before anything else: a state-changing
 * request must be same-origin JSON (403/415) and its declared body within the route's limit
 * (413). Then: signed out, or a session that has ended → 401, wrong role → 403, and any thrown
 * error → the API's `{ error: { code, message } }` shape.
 */
export function withSession<Params = Record<string, never>>(options: Options, handler: Handler<Params>) {
  const maxBodyBytes = options.maxBodyBytes ?? BODY_LIMITS.json;
  return async (req: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    try {
      if (isStateChanging(req.method)) assertSameOriginJson(req);
      assertDeclaredLength(req, maxBodyBytes);
      bodyLimits.set(req, maxBodyBytes);
      const state = await getSessionState();
      const user = state.status === 'active' ? state.user : null;
      const decision = decideAccess(user, options.roles);
      if (decision === 'unauthenticated' || !user || state.status !== 'active') throw new AppError('unauthorized', 'Sign in to continue.');
      if (decision === 'forbidden') throw new AppError('forbidden', 'Your role does not allow this.');
      return await handler({ req, user, sessionId: state.sessionId, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/**
 * Reads a JSON body within the route's limit and validates it: too large is a 413 (and the rest
 * is not read), malformed JSON a 400, a schema mismatch a 422.
 */
export async function readJson<T>(req: Request, schema: { parse(input: unknown): T }): Promise<T> {
  const raw = await readLimitedBody(req, bodyLimits.get(req) ?? BODY_LIMITS.json);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
  return schema.parse(body);
}
