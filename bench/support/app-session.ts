import { type APIRequestContext, request } from 'playwright-core';

/** An API session for one app user, signed in through next-auth's credentials endpoint. */
export async function appSession(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  // The app refuses writes that do not say they come from its own pages.
  const session = await request.newContext({ baseURL, extraHTTPHeaders: { origin: new URL(baseURL).origin } });
  const { csrfToken } = (await (await session.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await session.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, json: 'true' } });
  if (!response.ok()) throw new Error(`sign-in of ${email} failed: ${response.status()}`);
  return session;
}
