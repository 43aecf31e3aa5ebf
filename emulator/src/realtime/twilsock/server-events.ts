import type { TwilsockConnection } from './connection';

export type DisconnectInfo = {
  /** WebSocket close code (1005 when the client closed without one, 1006 for a dropped socket). */
  code: number;
  /** True when this was the identity's last connection (it just went offline). */
  lastForIdentity: boolean;
};

/**
 * Connection lifecycle. `connected`/`disconnected` fire per initialised connection; `identityOnline`
 * and `identityOffline` fire when an identity gains its first or loses its last connection, across
 * services (chat reachability counts per service itself, from `connected`/`disconnected`).
 */
export type TwilsockServerEvents = {
  connected: [connection: TwilsockConnection];
  disconnected: [connection: TwilsockConnection, info: DisconnectInfo];
  identityOnline: [identity: string];
  identityOffline: [identity: string];
  tokenUpdated: [connection: TwilsockConnection];
};
