import type { EdgeRequest } from '../../../../src/http/route';
import type { SdkEmulator } from './sdk-harness';

export type HeldRequests = {
  /** Resolves once the first matching request has arrived and is being held. */
  readonly arrived: Promise<void>;
  /**
   * Lets the held requests through (later ones are no longer held); resolves once all are answered,
   * with success or an error alike: what the client makes of an error answer is what tests check.
   */
  release(): Promise<void>;
};

/**
 * Holds the emulator's handling of matching requests (twilsock's and plain HTTP's alike: one route
 * table) until `release()`, so a request the SDK sent before a change reaches its handler after it, as
 * one still in flight would. Only the timing changes: the emulator's own route answers it, as things
 * stand at release.
 */
export function holdRequests(sdk: SdkEmulator, matches: (request: EdgeRequest) => boolean): HeldRequests {
  const originals = sdk.router.routes().map((route) => ({ route, handle: route.handler }));
  let open = (): void => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let arrive = (): void => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const held: Promise<unknown>[] = [];
  for (const { route, handle } of originals) {
    route.handler = (request) => {
      if (!matches(request)) return handle(request);
      arrive();
      const answer = gate.then(() => handle(request));
      held.push(answer);
      return answer;
    };
  }
  return {
    arrived,
    async release() {
      for (const { route, handle } of originals) route.handler = handle;
      open();
      await Promise.allSettled(held);
    },
  };
}

/** A GET of the items of one Sync object, by one identity (the SDK's first roster page, for instance). */
export function itemsReadOf(identity: string, objectSid: string) {
  return (request: EdgeRequest): boolean =>
    request.caller.scheme === 'sdk-token' &&
    request.caller.identity === identity &&
    request.method === 'GET' &&
    /^\/v3\/(Maps|Lists)\/[^/]+\/Items$/.test(request.path) &&
    request.params.id === objectSid;
}
