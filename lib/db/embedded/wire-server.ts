import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { FrontendStream, type FrontendUnit, listenCommand, notificationMessage } from './frontend-messages';
import { ListenRegistry } from './listen-registry';

type Connection = { id: number; socket: Socket; stream: FrontendStream };
type Queued = { connection: Connection; unit: Extract<FrontendUnit, { kind: 'startup' | 'messages' }> };

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
const NO_ENCRYPTION = Buffer.from('N');
/** PGlite keeps every parsed backend message until its next execProtocol call: clear it this often. */
const UNITS_PER_PARSER_RESET = 256;
/**
 * PGlite 0.4 hangs for good when so much WAL builds up that its backend starts a checkpoint by
 * itself (about 512 MB since the last one): it spins on a lock it already holds. Checkpointing
 * between units, long before that, means it never has to.
 */
const WAL_CHECK = { everyUnits: 500, bytes: 64 * 2 ** 20 };

/**
 * Serves one PGlite (one Postgres backend) to many clients on loopback, as a real server would
 * look to them:
 *  - each client's unit of work (up to a Sync or a simple query) runs whole, never interleaved
 *    with another client's; while a client's transaction is open, only that client runs;
 *  - LISTEN/NOTIFY works across connections: the backend listens on the union of the clients'
 *    channels, and a notification goes to the clients listening on its channel, whichever
 *    client's statement produced it.
 * Session state other than LISTEN (SET, named prepared statements, temporary tables) is shared by
 * every connection; the app uses none of it.
 */
export class PgliteWireServer {
  private server: Server | null = null;
  private readonly connections = new Set<Connection>();
  private readonly queue: Queued[] = [];
  private readonly listeners = new ListenRegistry<Connection>();
  private nextId = 1;
  /** The client whose transaction (or extended query) is open: only its units may run. */
  private owner: Connection | null = null;
  private running = false;
  private unitsSinceReset = 0;
  private unitsSinceWalCheck = 0;
  private walAtCheckpoint = '0/0';
  private checkpoints = 0;
  private stopNotifications: (() => void) | null = null;

  constructor(
    private readonly db: PGlite,
    private readonly options: { host?: string; port?: number; maxConnections?: number; walCheck?: { everyUnits: number; bytes: number } } = {},
  ) {}

  /** Starts listening; resolves with `host:port`. */
  async start(): Promise<string> {
    await this.db.waitReady;
    this.stopNotifications = this.db.onNotification((channel, payload) => this.deliver(channel, payload));
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.options.maxConnections ?? 100;
    this.server = server;
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, host, () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('The embedded database has no TCP address.');
    return `${host}:${address.port}`;
  }

  async stop(): Promise<void> {
    this.stopNotifications?.();
    for (const connection of this.connections) connection.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  /** Connections and queued units, for diagnostics and tests. */
  stats() {
    return { connections: this.connections.size, queued: this.queue.length, listening: this.listeners.channels(), checkpoints: this.checkpoints };
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection: Connection = { id: this.nextId++, socket, stream: new FrontendStream() };
    this.connections.add(connection);
    socket.on('data', (chunk: Buffer) => {
      let units: FrontendUnit[];
      try {
        units = connection.stream.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const unit of units) this.receive(connection, unit);
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => void this.drop(connection));
  }

  private receive(connection: Connection, unit: FrontendUnit): void {
    switch (unit.kind) {
      case 'encryption-request':
        connection.socket.write(NO_ENCRYPTION);
        return;
      case 'cancel':
      case 'terminate':
        connection.socket.end();
        return;
      default:
        this.queue.push({ connection, unit });
        void this.pump();
    }
  }

  /** Runs queued units one at a time; while a client owns the session, only its units. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner ? this.queue.findIndex((queued) => queued.connection === this.owner) : this.queue.length > 0 ? 0 : -1;
        if (index === -1) return;
        const [next] = this.queue.splice(index, 1);
        await this.run(next!);
      }
    } finally {
      this.running = false;
    }
  }

  private async run({ connection, unit }: Queued): Promise<void> {
    if (unit.kind === 'messages' && this.answerUnlisten(connection, unit)) return;
    if (unit.kind === 'messages') this.trackListens(connection, unit.simpleQueries, 'before');
    const output: Uint8Array[] = [];
    try {
      await this.db.runExclusive(() => this.db.execProtocolRawStream(unit.bytes, { onRawData: (data) => output.push(data) }));
    } catch {
      connection.socket.destroy();
      return;
    }
    if (unit.kind === 'messages') this.trackListens(connection, unit.simpleQueries, 'after');
    this.owner = this.db.isInTransaction() || (unit.kind === 'messages' && unit.flushOnly) ? connection : null;
    if (!connection.socket.destroyed) connection.socket.write(withoutNotifications(Buffer.concat(output)));
    if (++this.unitsSinceReset >= UNITS_PER_PARSER_RESET && !this.owner) {
      this.unitsSinceReset = 0;
      await this.db.execProtocol(new Uint8Array(0)).catch(() => undefined);
    }
    const walCheck = this.options.walCheck ?? WAL_CHECK;
    if (++this.unitsSinceWalCheck >= walCheck.everyUnits && !this.owner) {
      this.unitsSinceWalCheck = 0;
      await this.checkpointIfWalGrew(walCheck.bytes).catch(() => undefined);
    }
    // The client may have left while its unit ran: its transaction must not hold the session.
    if (!this.connections.has(connection)) await this.release(connection);
  }

  /** Between units (no client's transaction open), so the checkpoint sees a quiet backend. */
  private async checkpointIfWalGrew(bytes: number): Promise<void> {
    const grown = await this.db.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS bytes', [this.walAtCheckpoint]);
    if (Number(grown.rows[0]?.bytes ?? 0) < bytes) return;
    await this.db.exec('CHECKPOINT');
    const now = await this.db.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    this.walAtCheckpoint = now.rows[0]?.lsn ?? this.walAtCheckpoint;
    this.checkpoints++;
  }

  /** LISTEN is recorded for the connection (the backend runs it too: it listens on the union). */
  private trackListens(connection: Connection, queries: string[], phase: 'before' | 'after'): void {
    if (phase !== 'before') return;
    for (const query of queries) {
      const command = listenCommand(query);
      if (command?.kind === 'listen') this.listeners.add(connection, command.channel);
    }
  }

  /**
   * A simple query that is only UNLISTEN is answered here and never reaches the backend: the
   * backend has one listen set for every client, and PGlite can hang running UNLISTEN once
   * notifications have passed on the channel. The backend keeps listening; the client stops
   * hearing the channel.
   */
  private answerUnlisten(connection: Connection, unit: Extract<FrontendUnit, { kind: 'messages' }>): boolean {
    const [query, ...more] = unit.simpleQueries;
    const command = query !== undefined && more.length === 0 ? listenCommand(query) : null;
    if (!command || command.kind === 'listen' || unit.bytes[0] !== 0x51 /* Q */) return false;
    if (command.kind === 'unlisten') this.listeners.remove(connection, command.channel);
    else this.listeners.removeAll(connection);
    if (!connection.socket.destroyed) connection.socket.write(Buffer.concat([commandComplete('UNLISTEN'), readyForQuery(this.db.isInTransaction() ? 'T' : 'I')]));
    return true;
  }

  private deliver(channel: string, payload: string): void {
    const message = notificationMessage(channel, payload);
    for (const connection of this.listeners.of(channel)) {
      if (!connection.socket.destroyed) connection.socket.write(message);
    }
  }

  private async drop(connection: Connection): Promise<void> {
    if (!this.connections.delete(connection)) return;
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.connection === connection) this.queue.splice(i, 1);
    // The backend keeps listening (see answerUnlisten); notifications nobody wants are dropped in deliver.
    this.listeners.removeAll(connection);
    if (!this.running) await this.release(connection);
  }

  /** Ends what a departed client left open (an extended query, a transaction), then lets others run. */
  private async release(connection: Connection): Promise<void> {
    if (this.owner !== connection) return;
    await this.db.runExclusive(() => this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined })).catch(() => undefined);
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.owner = null;
    void this.pump();
  }
}

function commandComplete(tag: string): Buffer {
  const text = Buffer.from(`${tag}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('C', 0, 'latin1');
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}

function readyForQuery(status: 'I' | 'T'): Buffer {
  const message = Buffer.alloc(6);
  message.write('Z', 0, 'latin1');
  message.writeInt32BE(5, 1);
  message.write(status, 5, 'latin1');
  return message;
}

/** Notifications are routed to their listeners (deliver), not to whoever's statement raised them. */
function withoutNotifications(output: Buffer): Buffer {
  if (!output.includes(0x41)) return output;
  const kept: Buffer[] = [];
  let start = 0;
  let offset = 0;
  while (offset + 5 <= output.length) {
    const length = 1 + output.readInt32BE(offset + 1);
    if (length < 5) return output; // not a message boundary: pass it on untouched
    if (output[offset] === 0x41) {
      kept.push(output.subarray(start, offset));
      start = offset + length;
    }
    offset += length;
  }
  if (start === 0) return output;
  kept.push(output.subarray(start));
  return Buffer.concat(kept);
}
