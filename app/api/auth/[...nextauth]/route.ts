import { NextRequest } from 'next/server';
import NextAuth from 'next-auth';
import { errorResponse } from '@/lib/api/error-response';
import { authOptions } from '@/lib/auth/options';
import { BODY_LIMITS, readLimitedBody } from '@/lib/http/read-limited-body';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth reads whatever body it is given: a sign-in form is a few hundred bytes, so anything
// over the limit is refused (413) before it is read, and next-auth gets the bounded copy.
async function POST(req: NextRequest, context: Context): Promise<Response> {
  let body: Buffer;
  try {
    body = await readLimitedBody(req, BODY_LIMITS.signIn);
  } catch (error) {
    return errorResponse(error);
  }
  return handler(new NextRequest(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(body) }), context);
}

export { handler as GET, POST };
