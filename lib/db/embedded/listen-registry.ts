/** Which connection listens on which channel (LISTEN/UNLISTEN), for routing notifications. */
export class ListenRegistry<Connection> {
  private readonly byChannel = new Map<string, Set<Connection>>();

  add(connection: Connection, channel: string): void {
    const set = this.byChannel.get(channel) ?? new Set<Connection>();
    set.add(connection);
    this.byChannel.set(channel, set);
  }

  /** Returns the channels the connection stopped listening on. */
  remove(connection: Connection, channel: string): string[] {
    const set = this.byChannel.get(channel);
    if (!set?.delete(connection)) return [];
    if (set.size === 0) this.byChannel.delete(channel);
    return [channel];
  }

  removeAll(connection: Connection): string[] {
    return [...this.byChannel.keys()].flatMap((channel) => this.remove(connection, channel));
  }

  has(channel: string): boolean {
    return (this.byChannel.get(channel)?.size ?? 0) > 0;
  }

  of(channel: string): Connection[] {
    return [...(this.byChannel.get(channel) ?? [])];
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }
}
