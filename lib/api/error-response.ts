import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError } from './app-error';

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return NextResponse.json(body, { status: error.status });
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
