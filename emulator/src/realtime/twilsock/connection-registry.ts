import type { TwilsockConnection } from './connection';

const NONE: ReadonlySet<TwilsockConnection> = new Set();

/**
 * Initialised connections by identity: the index behind "push to every connection of this user"
 * (typing, per-user notifications) and behind `identityOnline`/`identityOffline`.
 */
export class ConnectionRegistry {
  private readonly byIdentity = new Map<string, Set<TwilsockConnection>>();
  private readonly byId = new Map<string, TwilsockConnection>();

  /** Returns true when this is the identity's first connection. */
  add(connection: TwilsockConnection): boolean {
    this.byId.set(connection.id, connection);
    const existing = this.byIdentity.get(connection.identity);
    if (existing) {
      existing.add(connection);
      return false;
    }
    this.byIdentity.set(connection.identity, new Set([connection]));
    return true;
  }

  /** Returns true when this was the identity's last connection. */
  remove(connection: TwilsockConnection): boolean {
    if (!this.byId.delete(connection.id)) return false;
    const set = this.byIdentity.get(connection.identity);
    if (!set) return false;
    set.delete(connection);
    if (set.size > 0) return false;
    this.byIdentity.delete(connection.identity);
    return true;
  }

  get(connectionId: string): TwilsockConnection | undefined {
    return this.byId.get(connectionId);
  }

  connectionsOf(identity: string): ReadonlySet<TwilsockConnection> {
    return this.byIdentity.get(identity) ?? NONE;
  }

  isOnline(identity: string): boolean {
    return this.byIdentity.has(identity);
  }

  connections(): IterableIterator<TwilsockConnection> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }
}
