import { key, OrderedMultiIndex, UniqueIndex } from './indexes';
import type { State } from './records';

type Singletons = 'version' | 'seq' | 'configuration' | 'configurationWebhooks' | 'whatsappSessions' | 'messagingService' | 'carrierPhones' | 'orchestrator';
type Tables = Omit<State, Singletons>;
export type TableName = keyof Tables;
export type RecordOf<T extends TableName> = Tables[T][string];

type IndexDef<T extends TableName> =
  | { kind: 'multi'; keys: (record: RecordOf<T>) => string[] }
  | { kind: 'unique'; keys: (record: RecordOf<T>) => string[] };

const all = () => [''];

/**
 * Index definitions per table. `keys` returns every key a record is filed under (none, one or more).
 * Names are used by the domain through `store.byIndex(table, name, key)`.
 */
const INDEXES = {
  services: { all: { kind: 'multi', keys: all } },
  conversations: {
    byService: { kind: 'multi', keys: (c) => [c.serviceSid] },
    byUniqueName: { kind: 'unique', keys: (c) => (c.uniqueName === null ? [] : [key(c.serviceSid, c.uniqueName)]) },
  },
  participants: {
    byConversation: { kind: 'multi', keys: (p) => [p.conversationSid] },
    byConversationIdentity: {
      kind: 'unique',
      keys: (p) => (p.identity === null ? [] : [key(p.conversationSid, p.identity)]),
    },
    byServiceIdentity: { kind: 'multi', keys: (p) => (p.identity === null ? [] : [key(p.serviceSid, p.identity)]) },
    /** Account-wide by address, for inbound group-MMS routing (the number group). */
    byAddress: { kind: 'multi', keys: (p) => (p.messagingBinding?.address ? [p.messagingBinding.address] : []) },
    byServiceAddress: {
      kind: 'multi',
      keys: (p) => (p.messagingBinding?.address ? [key(p.serviceSid, p.messagingBinding.address)] : []),
    },
    /** Account-wide: an address + proxy address pair routes inbound messages, so it is unique across services. */
    byAddressPair: {
      kind: 'multi',
      keys: (p) =>
        p.messagingBinding?.address && p.messagingBinding.proxyAddress
          ? [key(p.messagingBinding.address, p.messagingBinding.proxyAddress)]
          : [],
    },
  },
  messages: { byConversation: { kind: 'multi', keys: (m) => [m.conversationSid] } },
  receipts: {
    byMessage: { kind: 'multi', keys: (r) => [r.messageSid] },
    byChannelMessage: { kind: 'unique', keys: (r) => [r.channelMessageSid] },
  },
  conversationWebhooks: { byConversation: { kind: 'multi', keys: (w) => [w.conversationSid] } },
  users: {
    byService: { kind: 'multi', keys: (u) => [u.serviceSid] },
    byServiceIdentity: { kind: 'unique', keys: (u) => [key(u.serviceSid, u.identity)] },
  },
  roles: { byService: { kind: 'multi', keys: (r) => [r.serviceSid] } },
  credentials: { all: { kind: 'multi', keys: all } },
  bindings: { byService: { kind: 'multi', keys: (b) => [b.serviceSid] } },
  addressConfigurations: {
    all: { kind: 'multi', keys: all },
    byAddress: { kind: 'unique', keys: (a) => [key(a.type, a.address)] },
  },
  media: { byService: { kind: 'multi', keys: (m) => [m.serviceSid] } },
  contents: { all: { kind: 'multi', keys: all } },
  carrierMessages: { byPhone: { kind: 'multi', keys: (m) => [m.phone] } },
  carrierMedia: {},
  carrierDeliveries: { all: { kind: 'multi', keys: all } },
} satisfies { [T in TableName]: Record<string, IndexDef<T>> };

type IndexName<T extends TableName> = keyof (typeof INDEXES)[T] & string;

/**
 * Plain in-memory state plus indexes. All writes go through `insert` / `replace` / `delete` so the
 * indexes and the change listener (persistence) stay in step. Records are treated as immutable: the
 * domain replaces a record instead of editing it, so snapshots handed to events never change later.
 */
export class Store {
  state: State;
  private multi = new Map<string, OrderedMultiIndex>();
  private unique = new Map<string, UniqueIndex>();
  private readonly listeners = new Set<() => void>();

  constructor(state: State) {
    this.state = state;
    this.rebuild();
  }

  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  get<T extends TableName>(table: T, sid: string): RecordOf<T> | undefined {
    return (this.state[table] as Record<string, RecordOf<T>>)[sid];
  }

  /** SIDs under `indexKey`, in creation order. */
  byIndex<T extends TableName>(table: T, index: IndexName<T>, indexKey = ''): readonly string[] {
    return this.multiIndex(table, index).get(indexKey);
  }

  /** Records under `indexKey`, in creation order. */
  recordsByIndex<T extends TableName>(table: T, index: IndexName<T>, indexKey = ''): RecordOf<T>[] {
    const out: RecordOf<T>[] = [];
    for (const sid of this.byIndex(table, index, indexKey)) {
      const record = this.get(table, sid);
      if (record) out.push(record);
    }
    return out;
  }

  uniqueSid<T extends TableName>(table: T, index: IndexName<T>, indexKey: string): string | undefined {
    const found = this.unique.get(`${table}.${index}`);
    if (!found) throw new Error(`no unique index ${table}.${index}`);
    return found.get(indexKey);
  }

  /** The ordered index itself, for cursor pagination by seq. */
  multiIndex<T extends TableName>(table: T, index: IndexName<T>): OrderedMultiIndex {
    const found = this.multi.get(`${table}.${index}`);
    if (!found) throw new Error(`no ordered index ${table}.${index}`);
    return found;
  }

  insert<T extends TableName>(table: T, record: RecordOf<T>): void {
    (this.state[table] as Record<string, RecordOf<T>>)[record.sid] = record;
    this.indexRecord(table, record, 'add');
    this.changed();
  }

  replace<T extends TableName>(table: T, record: RecordOf<T>): void {
    const previous = this.get(table, record.sid);
    if (!previous) throw new Error(`replace of missing ${table} ${record.sid}`);
    this.reindex(table, previous, record);
    (this.state[table] as Record<string, RecordOf<T>>)[record.sid] = record;
    this.changed();
  }

  delete<T extends TableName>(table: T, sid: string): void {
    const previous = this.get(table, sid);
    if (!previous) return;
    this.indexRecord(table, previous, 'remove');
    delete (this.state[table] as Record<string, RecordOf<T>>)[sid];
    this.changed();
  }

  /** Marks a change made directly to the singleton parts of the state (configuration). */
  touch(): void {
    this.changed();
  }

  /** Swap in a whole new state (reset, load). */
  load(state: State): void {
    this.state = state;
    this.rebuild();
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private defs<T extends TableName>(table: T): [string, IndexDef<T>][] {
    return Object.entries(INDEXES[table] as Record<string, IndexDef<T>>);
  }

  private rebuild(): void {
    this.multi = new Map();
    this.unique = new Map();
    for (const table of Object.keys(INDEXES) as TableName[]) {
      const seqOf = (sid: string) => this.get(table, sid)?.seq ?? 0;
      for (const [name, def] of this.defs(table)) {
        if (def.kind === 'multi') this.multi.set(`${table}.${name}`, new OrderedMultiIndex(seqOf));
        else this.unique.set(`${table}.${name}`, new UniqueIndex());
      }
      const records = Object.values(this.state[table] as Record<string, RecordOf<typeof table>>);
      records.sort((a, b) => a.seq - b.seq);
      for (const record of records) this.indexRecord(table, record, 'add');
    }
  }

  private indexRecord<T extends TableName>(table: T, record: RecordOf<T>, op: 'add' | 'remove'): void {
    for (const [name, def] of this.defs(table)) {
      for (const k of def.keys(record)) {
        const index = def.kind === 'multi' ? this.multi.get(`${table}.${name}`) : this.unique.get(`${table}.${name}`);
        if (op === 'add') index?.add(k, record.sid);
        else index?.remove(k, record.sid);
      }
    }
  }

  private reindex<T extends TableName>(table: T, previous: RecordOf<T>, next: RecordOf<T>): void {
    for (const [name, def] of this.defs(table)) {
      const before = def.keys(previous);
      const after = def.keys(next);
      if (before.length === after.length && before.every((k, i) => k === after[i])) continue;
      const index = def.kind === 'multi' ? this.multi.get(`${table}.${name}`) : this.unique.get(`${table}.${name}`);
      for (const k of before) index?.remove(k, previous.sid);
      for (const k of after) index?.add(k, next.sid);
    }
  }
}
