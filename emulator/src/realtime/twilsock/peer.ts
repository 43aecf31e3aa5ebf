import type { AccessTokenClaims } from '../auth/access-token';

/**
 * The receiving end of a twilsock connection, as seen by whoever pushes to it later (Sync
 * subscriptions, typing). `sendFrame` takes an already encoded frame so one encoding can be shared by
 * every recipient of a fan-out.
 */
export type Peer = {
  readonly id: string;
  readonly identity: string;
  /** The current token's claims (null before `init`); access checks read the chat service from it. */
  readonly claims: AccessTokenClaims | null;
  /** True between a successful `init` and the start of closing. */
  readonly isOpen: boolean;
  /** Queues a frame; false when the connection is not open (the frame is dropped). */
  sendFrame(frame: Buffer): boolean;
};
