import { TYPING_REPORT_MS, TYPING_TTL_MS, type Viewer } from '@/lib/collision/presence-rules';
import { type LiveEvent, type LiveHello, type LiveViewer, STREAM_PATH } from './live-events';

// The browser's end of the event stream: one EventSource per page, shared by every screen.
// Browser-only (EventSource, fetch); nothing here runs on the server.

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting';

const RETRY_MS = { first: 1_000, max: 30_000 };
const NO_VIEWERS: Viewer[] = [];

/**
 * Holds the page's stream: reopens it when it fails (EventSource retries on its own after a
 * dropped connection, sending Last-Event-ID; after a refusal — a 401, a proxy's error page — it
 * gives up, and this reopens it with the last id as `lastEventId`), keeps the viewers it
 * announces, and reports which conversation this tab shows.
 */
export class LiveClient {
  private source: EventSource | null = null;
  private lastEventId: string | null = null;
  private retryMs = RETRY_MS.first;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly eventListeners = new Set<(event: LiveEvent) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private readonly stateListeners = new Set<() => void>();
  private users = 0;
  /** The stream's id, for presence reports; null until its `hello`. */
  private connectionId: string | null = null;
  private status: LiveStatus = 'connecting';
  private readonly viewerMap = new Map<string, LiveViewer & { typingUntil: number }>();
  private viewersSnapshot: Viewer[] = NO_VIEWERS;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private viewing: string | null = null;
  /** What the server was last told this tab shows (on this connection). */
  private reportedViewing: string | null = null;
  private viewingReport: ReturnType<typeof setTimeout> | undefined;
  private lastTypingReport = 0;

  /** Opens the stream for one more user of it (a screen); returns the matching release. */
  retain(): () => void {
    if (this.users++ === 0) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.users === 0) this.close();
    };
  }

  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Events may have been missed: whatever a screen shows, it reloads. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Status and viewers changes (useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  getStatus = (): LiveStatus => this.status;

  /** Everyone's tabs showing a conversation, this tab's own included (same array until it changes). */
  getViewers = (): Viewer[] => this.viewersSnapshot;

  getConnectionId(): string | null {
    return this.connectionId;
  }

  /** This tab shows `conversationSid` now (null: none). Told again whenever the stream reopens. */
  setViewing(conversationSid: string | null): void {
    this.viewing = conversationSid;
    // Switching conversations unmounts one thread and mounts the next: report only where it lands.
    clearTimeout(this.viewingReport);
    this.viewingReport = setTimeout(() => this.reportViewing(), 0);
  }

  /** The user types in the conversation this tab shows (at most once per TYPING_REPORT_MS). */
  reportTyping(): void {
    const now = Date.now();
    if (!this.viewing || !this.connectionId || now - this.lastTypingReport < TYPING_REPORT_MS) return;
    this.lastTypingReport = now;
    void this.post({ connectionId: this.connectionId, conversationSid: this.viewing, typing: true });
  }

  private open(): void {
    clearTimeout(this.retryTimer);
    const url = this.lastEventId ? `${STREAM_PATH}?lastEventId=${encodeURIComponent(this.lastEventId)}` : STREAM_PATH;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener('hello', (message) => this.hello(JSON.parse((message as MessageEvent<string>).data) as LiveHello));
    source.addEventListener('resync', () => this.resyncListeners.forEach((listener) => listener()));
    source.onmessage = (message: MessageEvent<string>) => {
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      this.receive({ ...(JSON.parse(message.data) as Omit<LiveEvent, 'id'>), id: message.lastEventId } as LiveEvent);
    };
    source.onerror = () => {
      if (this.source !== source) return;
      this.setStatus('reconnecting');
      if (source.readyState !== EventSource.CLOSED) return; // it retries by itself
      source.close();
      this.retryTimer = setTimeout(() => this.source === source && this.open(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
    };
  }

  private close(): void {
    clearTimeout(this.retryTimer);
    this.source?.close();
    this.source = null;
    this.connectionId = null;
    this.setStatus('connecting');
  }

  private hello(hello: LiveHello): void {
    this.connectionId = hello.connectionId;
    this.retryMs = RETRY_MS.first;
    this.viewerMap.clear();
    for (const viewer of hello.viewers) this.viewerMap.set(viewer.connectionId, { ...viewer, typingUntil: 0 });
    this.refreshViewers();
    this.setStatus('connected');
    this.reportedViewing = null;
    if (this.viewing) this.reportViewing();
    if (hello.resync) this.resyncListeners.forEach((listener) => listener());
  }

  private receive(event: LiveEvent): void {
    if (event.kind === 'viewer.changed') {
      const { connectionId, conversationSid } = event.data;
      if (conversationSid) this.viewerMap.set(connectionId, { ...event.data, conversationSid, typingUntil: 0 });
      else this.viewerMap.delete(connectionId);
      this.refreshViewers();
    } else if (event.kind === 'viewer.typing') {
      const viewer = this.viewerMap.get(event.data.connectionId);
      if (viewer && viewer.conversationSid === event.data.conversationSid) {
        viewer.typingUntil = Date.now() + TYPING_TTL_MS;
        this.refreshViewers();
      }
    }
    this.eventListeners.forEach((listener) => listener(event));
  }

  private reportViewing(): void {
    if (!this.connectionId || this.reportedViewing === this.viewing) return;
    this.reportedViewing = this.viewing;
    void this.post({ connectionId: this.connectionId, conversationSid: this.viewing, typing: false });
  }

  private async post(report: { connectionId: string; conversationSid: string | null; typing: boolean }): Promise<void> {
    // A hint: if it is lost (the stream just closed), the next `hello` reports again.
    await fetch('/api/presence', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(report) }).catch(() => undefined);
  }

  private refreshViewers(): void {
    const now = Date.now();
    let nextExpiry = Infinity;
    const viewers: Viewer[] = [];
    for (const viewer of this.viewerMap.values()) {
      const typing = viewer.typingUntil > now;
      if (typing) nextExpiry = Math.min(nextExpiry, viewer.typingUntil);
      viewers.push({ userId: viewer.userId, name: viewer.name, conversationSid: viewer.conversationSid, typing });
    }
    this.viewersSnapshot = viewers.length ? viewers : NO_VIEWERS;
    clearTimeout(this.typingTimer);
    // Typing ends by itself when the reports stop.
    if (nextExpiry !== Infinity) this.typingTimer = setTimeout(() => this.refreshViewers(), nextExpiry - now + 10);
    this.stateListeners.forEach((listener) => listener());
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.stateListeners.forEach((listener) => listener());
  }
}

let client: LiveClient | undefined;

/** The page's one live client. */
export function liveClient(): LiveClient {
  client ??= new LiveClient();
  return client;
}
