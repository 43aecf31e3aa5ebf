// The app API's one error type. Route handlers throw it; `errorResponse` turns it (and
// anything else) into `{ error: { code, message } }` with the status from this table.
const STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_request: 422,
  bad_request: 400,
  too_many_requests: 429,
  upstream_error: 502,
  unavailable: 503,
  internal_error: 500,
} as const;

export type AppErrorCode = keyof typeof STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: unknown;
  /** Sent as `Retry-After`: when trying again makes sense (an upstream that is busy or down). */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message: string, details?: unknown, retryAfterSeconds?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get status(): number {
    return STATUS[this.code];
  }
}
