import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { upstreamUnavailable } from '@/lib/twilio/twilio-errors';
import { AppError } from './app-error';

export function errorResponse(error: unknown): NextResponse {
  // An upstream condition is never a bare 500: the caller hears when to try again.
  const appError = error instanceof AppError ? error : upstreamUnavailable(error);
  if (appError) {
    const body = { error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) } };
    const headers = appError.retryAfterSeconds ? { 'retry-after': String(appError.retryAfterSeconds) } : undefined;
    return NextResponse.json(body, { status: appError.status, headers });
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const message = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
    return NextResponse.json({ error: { code: 'invalid_request', message, issues } }, { status: 422 });
  }
  // Anything else is a bug or an outage: log it, tell the caller nothing about internals.
  console.error(error);
  return NextResponse.json({ error: { code: 'internal_error', message: 'Something went wrong.' } }, { status: 500 });
}
