import { describe, expect, it } from 'vitest';
import { FrontendStream, listenCommand, notificationMessage } from './frontend-messages';

const message = (type: string, body = Buffer.alloc(0)) => {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
};
const startup = () => {
  const body = Buffer.from('user\0postgres\0\0');
  const out = Buffer.alloc(8 + body.length);
  out.writeInt32BE(out.length, 0);
  out.writeInt32BE(196_608, 4);
  body.copy(out, 8);
  return out;
};

describe('cutting a client’s protocol stream into units', () => {
  it('keeps an extended query (Parse … Sync) in one unit, however TCP splits it', () => {
    const stream = new FrontendStream();
    expect(stream.push(startup()).map((unit) => unit.kind)).toEqual(['startup']);
    const batch = Buffer.concat([message('P', Buffer.from('\0SELECT 1\0\0\0')), message('B', Buffer.alloc(10)), message('E', Buffer.alloc(5)), message('S')]);
    const units = [...stream.push(batch.subarray(0, 7)), ...stream.push(batch.subarray(7, 20)), ...stream.push(batch.subarray(20))];
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: 'messages', flushOnly: false });
    expect(Buffer.from((units[0] as { bytes: Uint8Array }).bytes)).toEqual(batch);
  });

  it('ends a unit at a simple query (noting its text) or a Flush, and recognises Terminate and SSL requests', () => {
    const stream = new FrontendStream();
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80_877_103, 4);
    expect(stream.push(ssl)).toEqual([{ kind: 'encryption-request' }]);
    stream.push(startup());
    const units = stream.push(Buffer.concat([message('Q', Buffer.from('LISTEN ev\0')), message('P', Buffer.alloc(4)), message('H'), message('X')]));
    expect(units.map((unit) => unit.kind)).toEqual(['messages', 'messages', 'terminate']);
    expect(units[0]).toMatchObject({ simpleQueries: ['LISTEN ev'], flushOnly: false });
    expect(units[1]).toMatchObject({ flushOnly: true });
  });
});

describe('LISTEN commands', () => {
  it('folds unquoted channel names to lower case, as Postgres does', () => {
    expect(listenCommand('LISTEN Switchboard_Live')).toEqual({ kind: 'listen', channel: 'switchboard_live' });
    expect(listenCommand('listen "MixedCase";')).toEqual({ kind: 'listen', channel: 'MixedCase' });
    expect(listenCommand(' UNLISTEN ev ')).toEqual({ kind: 'unlisten', channel: 'ev' });
    expect(listenCommand('UNLISTEN *')).toEqual({ kind: 'unlisten-all' });
    expect(listenCommand('SELECT 1; LISTEN ev')).toBeNull();
  });

  it('builds a NotificationResponse', () => {
    const built = notificationMessage('ev', 'hi', 7);
    expect(built.subarray(0, 1).toString()).toBe('A');
    expect(built.readInt32BE(1)).toBe(built.length - 1);
    expect(built.readInt32BE(5)).toBe(7);
    expect(built.subarray(9).toString()).toBe('ev\0hi\0');
  });
});
