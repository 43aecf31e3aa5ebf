import { ApiError } from './client-fetch';

type Options = {
  /** Tries after the first. */
  retries?: number;
  /** Told before each wait, so the screen can say what is happening. */
  onWait?: (seconds: number) => void;
  wait?: (ms: number) => Promise<void>;
  random?: () => number;
};

const waitMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls the app's API and, when it answers that Twilio is busy or unreachable (a 503 with
 * `Retry-After`), tries again after that long — plus up to half a second of jitter, so a
 * burst of senders does not come back all at once. Any other failure, or the last one, is
 * thrown for the caller to show.
 */
export async function withRetryAfter<T>(call: () => Promise<T>, { retries = 3, onWait, wait = waitMs, random = Math.random }: Options = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const retryAfter = error instanceof ApiError && error.status === 503 ? error.retryAfterSeconds : undefined;
      if (retryAfter === undefined || attempt >= retries) throw error;
      onWait?.(retryAfter);
      await wait(retryAfter * 1000 + Math.floor(random() * 500));
    }
  }
}
