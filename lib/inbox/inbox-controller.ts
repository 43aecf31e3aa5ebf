import { Client, type Message } from '@twilio/conversations';
import { isPhoneAuthor } from '@/lib/conversation-index/channel';
import { SYSTEM_AUTHOR } from '@/lib/conversation-index/message-author';
import { bindClientEvents } from './bind-client-events';
import { createStore } from './create-store';
import { INITIAL_INBOX_STATE, type InboxState } from './inbox-state';
import { SdkRegistry } from './sdk-registry';
import { discardMessage, retryMessage, sendMessage } from './send-actions';
import { nextPaint, waitForConnectionState } from './sdk-timing';
import { dropIfProvisional, dropUnconfirmed, seedFromServer } from './server-seed';
import { withContactNames, withUserName } from './state-updates';
import { ensurePreview, loadOlder, openThread } from './thread-actions';
import { fetchToken, SessionExpiredError } from './token-source';

const TOKEN_RETRY_MS = 10_000;
/** How long the SDK waits for the server's list before starting anyway. */
const SEED_WAIT_MS = 1_500;
/** The SDK takes about 3 s to close its socket after an expiry. */
const EXPIRY_DISCONNECT_WAIT_MS = 8_000;

/**
 * Owns the one SDK client of the page: connects with a token for the signed-in user, keeps
 * the token fresh, mirrors SDK events into the store, and performs the inbox's actions.
 */
export class InboxController {
  readonly store = createStore<InboxState>(INITIAL_INBOX_STATE);
  private readonly registry = new SdkRegistry();
  private readonly incoming = new Set<(message: Message) => void>();
  private readonly readHorizon = new Map<string, { requested: number; sent: number; inFlight: boolean }>();
  private readonly nameRequests = new Set<string>();
  private client: Client | undefined;
  private bindings: ReturnType<typeof bindClientEvents> | undefined;
  /** Bumped by every start and shutdown, so a start that a shutdown overtook gives up. */
  private generation = 0;

  constructor(private readonly onSessionExpired: () => void) {}

  async start(): Promise<void> {
    const generation = ++this.generation;
    const seeded = seedFromServer(this.store);
    let grant;
    try {
      grant = await fetchToken();
    } catch (error) {
      if (generation === this.generation) this.fail(error);
      return;
    }
    // The SDK's start-up floods the main thread for a full inbox: let the seeded list paint first.
    await Promise.race([seeded, new Promise((resolve) => setTimeout(resolve, SEED_WAIT_MS))]);
    await nextPaint();
    if (generation !== this.generation) return;
    const client = new Client(grant.token, { ...grant.sdkOptions, logLevel: 'warn' });
    this.client = client;
    this.store.update((state) => ({ ...state, identity: grant.identity }));
    this.bindings = bindClientEvents({
      client,
      store: this.store,
      registry: this.registry,
      onIncomingMessage: (message) => this.incoming.forEach((listener) => listener(message)),
      // What you wrote yourself is read: it never counts as unread.
      onOwnMessage: (message) => this.markRead(message.conversation.sid, message.index),
      onTokenAboutToExpire: () => void this.refreshToken(),
      onTokenExpired: () => void this.renewAfterExpiry(),
      onUserSeen: (identity) => void this.resolveUserName(identity),
    });
    // Once the SDK has read every conversation, what it did not confirm is not the agent's any more.
    client.once('initialized', () => {
      void client.getSubscribedConversations().then(
        () => this.store.update(dropUnconfirmed),
        () => undefined,
      );
    });
  }

  shutdown(): void {
    this.generation++;
    void this.client?.shutdown();
    this.client = undefined;
  }

  /** Messages from others, as they arrive (notifications). */
  onIncomingMessage(listener: (message: Message) => void): () => void {
    this.incoming.add(listener);
    return () => this.incoming.delete(listener);
  }

  openThread = (sid: string) => openThread(this.context, sid).then(() => this.resolveAuthors(sid));
  loadOlder = (sid: string) => loadOlder(this.context, sid).then(() => this.resolveAuthors(sid));
  ensurePreview = (sid: string) => ensurePreview(this.context, sid);
  send = (sid: string, body: string, files: File[]) => sendMessage(this.context, sid, body, files);
  retry = (sid: string, clientKey: string) => retryMessage(this.context, sid, clientKey);
  discard = (sid: string, clientKey: string) => discardMessage(this.context, sid, clientKey);

  /**
   * The agent opened a conversation the SDK has not joined yet (it joins a full inbox one by
   * one): ask for this one directly instead of waiting for its turn.
   */
  async ensureConversation(sid: string): Promise<void> {
    if (this.registry.conversations.has(sid) || !this.client || !this.bindings) return;
    const conversation = await this.client.getConversationBySid(sid);
    this.bindings.upsertConversation(conversation);
  }

  /**
   * The live stream says a conversation was just assigned to this agent: list it now, from
   * the server's index; the SDK confirms it (or takes it away) once it has joined.
   */
  async showAssigned(sid: string): Promise<void> {
    // Listed already (the SDK was quicker), it still learns its customer's contact name.
    await seedFromServer(this.store, { sid });
  }

  /** Contacts renamed or merged (the live stream said so): every conversation with them follows. */
  applyContactNames(names: Record<string, string | null>): void {
    this.store.update((state) => withContactNames(state, names));
  }

  /** It moved away before the SDK confirmed it. */
  forgetUnconfirmed(sid: string): void {
    this.store.update((state) => dropIfProvisional(state, sid));
  }

  typing = (sid: string): void => {
    void this.registry.conversations.get(sid)?.typing().catch(() => undefined);
  };

  /** Advances the read horizon to `index` (never backwards), one request at a time per conversation. */
  markRead = (sid: string, index: number): void => {
    const entry = this.readHorizon.get(sid) ?? { requested: -1, sent: -1, inFlight: false };
    const current = this.store.getState().conversations[sid]?.lastReadMessageIndex ?? -1;
    if (index <= Math.max(entry.requested, current)) return;
    entry.requested = index;
    this.readHorizon.set(sid, entry);
    if (!entry.inFlight) void this.flushReadHorizon(sid);
  };

  /** A temporary URL for an attachment (they expire; ask again on a load error). */
  async mediaUrl(messageSid: string, mediaSid: string): Promise<string | null> {
    const media = this.registry.messages.get(messageSid)?.attachedMedia?.find((m) => m.sid === mediaSid);
    return media ? media.getContentTemporaryUrl() : null;
  }

  /** Per-recipient receipts of a message (for a failed delivery's reason). */
  async deliveryReceipts(messageSid: string): Promise<{ status: string; errorCode: string | number | null }[]> {
    const receipts = (await this.registry.messages.get(messageSid)?.getDetailedDeliveryReceipts()) ?? [];
    return receipts.map((receipt) => ({ status: receipt.status, errorCode: receipt.errorCode }));
  }

  private get context() {
    return { store: this.store, registry: this.registry };
  }

  private async flushReadHorizon(sid: string): Promise<void> {
    const entry = this.readHorizon.get(sid);
    if (!entry) return;
    const conversation = this.registry.conversations.get(sid);
    if (!conversation) {
      // Not joined (yet): forget the request, so the next view of it asks again.
      entry.requested = entry.sent;
      return;
    }
    entry.inFlight = true;
    try {
      while (entry.sent < entry.requested) {
        const target = entry.requested;
        await conversation.advanceLastReadMessageIndex(target);
        entry.sent = target;
      }
    } catch {
      // The horizon is advisory: what was not sent is asked for again at the next view.
      entry.requested = entry.sent;
    } finally {
      entry.inFlight = false;
    }
  }

  /** Authors are named by their Twilio User, including those no longer in the conversation. */
  private resolveAuthors(sid: string): void {
    for (const message of this.store.getState().threads[sid]?.messages ?? []) if (message.author) void this.resolveUserName(message.author);
  }

  private async resolveUserName(identity: string): Promise<void> {
    // Customers (phones) and automated authors have no Twilio User.
    if (isPhoneAuthor(identity) || identity === SYSTEM_AUTHOR) return;
    if (!this.client || this.nameRequests.has(identity)) return;
    this.nameRequests.add(identity);
    try {
      const user = await this.client.getUser(identity);
      if (user.friendlyName) this.store.update((state) => withUserName(state, identity, user.friendlyName!));
    } catch {
      this.nameRequests.delete(identity); // try again when seen next
    }
  }

  private async refreshToken(): Promise<void> {
    if (!this.client) return;
    try {
      const grant = await fetchToken();
      await this.client.updateToken(grant.token);
    } catch (error) {
      if (error instanceof SessionExpiredError) this.fail(error);
      else setTimeout(() => void this.refreshToken(), TOKEN_RETRY_MS);
    }
  }

  /**
   * After `tokenExpired` the SDK closes its socket and ignores updateToken() until it has (then
   * ignores the same token for good): fetch a fresh token, wait for the disconnect, then hand it over.
   */
  private async renewAfterExpiry(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const grant = await fetchToken();
      await waitForConnectionState(client, ['disconnected', 'denied'], EXPIRY_DISCONNECT_WAIT_MS);
      if (this.client === client) await client.updateToken(grant.token);
    } catch (error) {
      if (error instanceof SessionExpiredError) this.fail(error);
      else setTimeout(() => void this.renewAfterExpiry(), TOKEN_RETRY_MS);
    }
  }

  private fail(error: unknown): void {
    if (error instanceof SessionExpiredError) {
      this.onSessionExpired();
      return;
    }
    this.store.update((state) => ({ ...state, fatalError: error instanceof Error ? error.message : String(error) }));
  }
}
