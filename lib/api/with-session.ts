import type { NextRequest } from 'next/server';
import { type CurrentUser, getCurrentUser } from '@/lib/auth/current-user';
import { decideAccess, type Role } from '@/lib/auth/roles';
import { AppError } from './app-error';
import { errorResponse } from './error-response';

type RouteContext<Params> = { params: Promise<Params> };
type Handler<Params> = (input: { req: NextRequest; user: CurrentUser; params: Params }) => Promise<Response>;

/**
 * The route guard every API handler is wrapped in: signed out (or disabled) → 401, wrong
 * role → 403, and any thrown error → the API's `{ error: { code, message } }` shape.
 */
export function withSession<Params = Record<string, never>>(options: { roles?: readonly Role[] }, handler: Handler<Params>) {
  return async (req: NextRequest, context: RouteContext<Params>): Promise<Response> => {
    try {
      const user = await getCurrentUser();
      const decision = decideAccess(user, options.roles);
      if (decision === 'unauthenticated' || !user) throw new AppError('unauthorized', 'Sign in to continue.');
      if (decision === 'forbidden') throw new AppError('forbidden', 'Your role does not allow this.');
      return await handler({ req, user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body and validates it; malformed JSON is a 400, a schema mismatch a 422. */
export async function readJson<T>(req: Request, schema: { parse(input: unknown): T }): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError('bad_request', 'The request body must be JSON.');
  }
  return schema.parse(body);
}
