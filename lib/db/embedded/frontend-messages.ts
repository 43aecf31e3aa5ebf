// The PostgreSQL frontend protocol as a byte stream from one client, cut into the units PGlite
// must run without another client's messages in between. PGlite is one backend session: a
// client's Parse/Bind/Execute and the Sync that ends them share the unnamed statement and portal,
// so they run as one unit. Pure: no sockets here.

const SSL_REQUEST_CODE = 80_877_103;
const GSS_REQUEST_CODE = 80_877_104;
const CANCEL_REQUEST_CODE = 80_877_102;

/** Messages that end a unit: the backend answers each of them before waiting for more. */
const UNIT_ENDS = new Set(['S', 'Q', 'F', 'X', 'p', 'c', 'f', 'H']);

export type FrontendUnit =
  /** The first message of a connection (no type byte): PGlite answers it on its own path. */
  | { kind: 'startup'; bytes: Uint8Array }
  /** SSLRequest or GSSENCRequest: answered 'N' (loopback, no encryption). */
  | { kind: 'encryption-request' }
  /** A cancel request arrives on a connection of its own; PGlite cannot interrupt a query. */
  | { kind: 'cancel' }
  | { kind: 'terminate' }
  /**
   * Messages up to and including one the backend answers. `flushOnly`: it ended with Flush,
   * so the client is mid-way through an extended query and its next unit must follow at once.
   */
  | { kind: 'messages'; bytes: Uint8Array; flushOnly: boolean; simpleQueries: string[] };

/** Reassembles one connection's stream into units, whatever the TCP chunking. */
export class FrontendStream {
  private buffer: Buffer = Buffer.alloc(0);
  private started = false;
  private pending: Buffer[] = [];
  private pendingQueries: string[] = [];

  /** Appends received bytes; returns the units that are now complete, in order. */
  push(chunk: Buffer): FrontendUnit[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const units: FrontendUnit[] = [];
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) break;
        const length = this.buffer.readInt32BE(0);
        if (length < 8) throw new Error('Malformed startup message length.');
        if (this.buffer.length < length) break;
        const message = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST_CODE || code === GSS_REQUEST_CODE) units.push({ kind: 'encryption-request' });
        else if (code === CANCEL_REQUEST_CODE) units.push({ kind: 'cancel' });
        else {
          this.started = true;
          units.push({ kind: 'startup', bytes: new Uint8Array(message) });
        }
        continue;
      }
      if (this.buffer.length < 5) break;
      const length = 1 + this.buffer.readInt32BE(1);
      if (length < 5) throw new Error('Malformed frontend message length.');
      if (this.buffer.length < length) break;
      const message = this.buffer.subarray(0, length);
      this.buffer = this.buffer.subarray(length);
      const type = String.fromCharCode(message[0]!);
      if (type === 'X') {
        units.push({ kind: 'terminate' });
        continue;
      }
      this.pending.push(message);
      if (type === 'Q') this.pendingQueries.push(message.subarray(5, message.length - 1).toString('utf8'));
      if (UNIT_ENDS.has(type)) {
        units.push({ kind: 'messages', bytes: new Uint8Array(Buffer.concat(this.pending)), flushOnly: type === 'H', simpleQueries: this.pendingQueries });
        this.pending = [];
        this.pendingQueries = [];
      }
    }
    // Copy what is left: the chunk it came from may be reused by the socket.
    if (this.buffer.length > 0) this.buffer = Buffer.from(this.buffer);
    return units;
  }
}

/** LISTEN or UNLISTEN in a simple query, as a client library sends them (one statement). */
export function listenCommand(query: string): { kind: 'listen' | 'unlisten'; channel: string } | { kind: 'unlisten-all' } | null {
  const match = /^\s*(UNLISTEN|LISTEN)\s+("(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*|\*)\s*;?\s*$/i.exec(query);
  if (!match) return null;
  const kind = match[1]!.toUpperCase() === 'LISTEN' ? 'listen' : 'unlisten';
  const name = match[2]!;
  if (name === '*') return kind === 'unlisten' ? { kind: 'unlisten-all' } : null;
  // A quoted identifier keeps its case; an unquoted one is folded to lower case, as Postgres does.
  const channel = name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name.toLowerCase();
  return { kind, channel };
}

/** A NotificationResponse message, as the backend would send it. */
export function notificationMessage(channel: string, payload: string, processId = 0): Buffer {
  const body = Buffer.concat([Buffer.alloc(4), Buffer.from(`${channel}\0${payload}\0`, 'utf8')]);
  body.writeInt32BE(processId, 0);
  const header = Buffer.alloc(5);
  header.write('A', 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}
