import type { Core } from '../../domain/core';
import type { DomainEvent } from '../../domain/events';
import { sdkOrigin, SYSTEM_ORIGIN } from '../../domain/origin';
import type { RealtimeLogger } from '../logger';
import type { TwilsockConnection } from '../twilsock/connection';
import type { TwilsockServer } from '../twilsock/server';
import { parseUserKey, userKey } from './projection/projection-index';

/**
 * Users and reachability from twilsock connections (Reachability Indicator page):
 * - an identity connecting creates its User when missing ("each unique identity connecting to a
 *   Conversation Service will create a User record", User Identity page);
 * - with the service's `reachabilityEnabled`, `isOnline` is true while the user has at least one
 *   connection and false after the last one closes (the projector turns that into the `reachability`
 *   item, so other SDKs get `userUpdated` with `reachabilityOnline`).
 * Counted per service and identity: the same identity in two services is two users. A connection
 * stays counted in the service it had at init: a token `update` may name another service, and the
 * disconnect must undo the count it actually made.
 */
export function attachReachability(core: Core, twilsock: TwilsockServer, logger: RealtimeLogger): { stop(): void; reset(): void } {
  const connections = new Map<string, number>();
  const countedIn = new WeakMap<TwilsockConnection, string>();
  const fail = (what: string) => (error: unknown) => logger.debug(`reachability: ${what} failed`, error);
  const enabled = (serviceSid: string) => core.store.get('services', serviceSid)?.configuration.reachabilityEnabled ?? false;
  const setOnline = (serviceSid: string, identity: string, isOnline: boolean) => {
    if (!enabled(serviceSid) || !core.lookup.userByIdentity(serviceSid, identity)) return;
    core.users.setUserReachability(serviceSid, identity, { isOnline }, SYSTEM_ORIGIN).catch(fail('update'));
  };

  const onConnected = (connection: TwilsockConnection) => {
    const serviceSid = connection.claims?.chatServiceSid;
    if (!serviceSid) return;
    countedIn.set(connection, serviceSid);
    const key = userKey(serviceSid, connection.identity);
    const count = (connections.get(key) ?? 0) + 1;
    connections.set(key, count);
    core.users
      .ensureUser(serviceSid, connection.identity, sdkOrigin(connection.identity))
      .then(() => {
        if (count === 1 && connections.has(key)) setOnline(serviceSid, connection.identity, true);
      })
      .catch(fail('user creation'));
  };

  const onDisconnected = (connection: TwilsockConnection) => {
    const serviceSid = countedIn.get(connection);
    if (!serviceSid) return;
    const key = userKey(serviceSid, connection.identity);
    const count = (connections.get(key) ?? 1) - 1;
    if (count > 0) {
      connections.set(key, count);
      return;
    }
    connections.delete(key);
    setOnline(serviceSid, connection.identity, false);
  };

  // Enabling reachability marks whoever is connected right now as online.
  const onDomainEvent = (event: DomainEvent) => {
    if (event.type !== 'configuration.updated' || event.scope !== 'service' || !enabled(event.serviceSid)) return;
    for (const key of connections.keys()) {
      const { serviceSid, identity } = parseUserKey(key);
      if (serviceSid === event.serviceSid) setOnline(serviceSid, identity, true);
    }
  };

  // Nobody is connected at start-up: a user saved as online (the emulator stopped) is offline now.
  for (const user of Object.values(core.store.state.users)) {
    if (user.isOnline) core.users.setUserReachability(user.serviceSid, user.identity, { isOnline: false }, SYSTEM_ORIGIN).catch(fail('reset'));
  }

  const unsubscribe = [twilsock.on('connected', onConnected), twilsock.on('disconnected', onDisconnected), core.events.on(onDomainEvent)];
  return {
    stop: () => unsubscribe.forEach((off) => off()),
    reset: () => connections.clear(),
  };
}
