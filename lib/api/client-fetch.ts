// Browser-side calls to the app's own API: JSON in, JSON out, errors thrown with the
// server's message so forms can show it.
export type ApiErrorDetails = { conversationSid?: string | null; isParticipant?: boolean } & Record<string, unknown>;

/** A validation failure's problems, one per field (`path` is the field's name). */
export type ApiIssue = { path: string; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ApiErrorDetails,
    readonly issues: ApiIssue[] = [],
    /** From `Retry-After`: the server says trying again after this long makes sense. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** The message for one field, if the server named it. */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.path === field)?.message;
  }
}

type ErrorBody = { error?: { code?: string; message?: string; details?: ApiErrorDetails; issues?: ApiIssue[] } };

export async function apiFetch<T = unknown>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const response = await fetch(url, {
    method,
    // Every write is JSON, body or not: the server refuses anything else (a cross-site form's kind).
    headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ErrorBody | null)?.error;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      response.status,
      error?.code ?? 'error',
      error?.message ?? `Request failed (${response.status}).`,
      error?.details,
      error?.issues ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return payload as T;
}
