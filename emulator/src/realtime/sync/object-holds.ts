import type { Peer } from '../twilsock/peer';

type Hold = { peer: Peer; horizon: number | null };

/**
 * The objects each connection holds open (it read or subscribed to them while it had access), and for
 * a holder whose access was then revoked, the object's last event id at that moment: its horizon.
 *
 * Why: the SDK keeps reading an object it has just opened after the server has already taken it away.
 * A conversation's roster is paged in after `conversationJoined`, inside promises no application code
 * can catch, so any error answered to that read becomes an unhandled rejection (see
 * `emulator/docs/sdk-access-loss.md`). Such a holder reads the object's items as they stood at its
 * horizon: nothing it was not entitled to see, no error. Opening the object again and subscribing to
 * it still fail (404, which the SDK treats as "gone"), so no event after the loss reaches it. A hold
 * ends when the connection cancels its subscription to the object, the object is removed, or the
 * connection closes.
 */
export class ObjectHolds {
  private readonly bySid = new Map<string, Map<string, Hold>>();
  private readonly byPeer = new Map<string, Set<string>>();

  /** The connection read or subscribed to the object with access: it holds it, and sees it whole. */
  hold(peer: Peer, sid: string): void {
    let holders = this.bySid.get(sid);
    if (!holders) {
      holders = new Map();
      this.bySid.set(sid, holders);
    }
    const existing = holders.get(peer.id);
    if (existing) {
      existing.horizon = null;
      return;
    }
    holders.set(peer.id, { peer, horizon: null });
    let sids = this.byPeer.get(peer.id);
    if (!sids) {
      sids = new Set();
      this.byPeer.set(peer.id, sids);
    }
    sids.add(sid);
  }

  /**
   * After a membership change: each holder without access any more is frozen where the object stands
   * now (`lastEventId`), unless it already was (its horizon stays at its first loss); a holder with
   * access again sees the object whole.
   */
  recheck(sid: string, lastEventId: number, hasAccess: (peer: Peer) => boolean): void {
    for (const hold of this.bySid.get(sid)?.values() ?? []) {
      if (hasAccess(hold.peer)) hold.horizon = null;
      else hold.horizon ??= lastEventId;
    }
  }

  /** How far a connection that has no access to the object may still read it; undefined: not at all. */
  horizonOf(peerId: string, sid: string): number | undefined {
    return this.bySid.get(sid)?.get(peerId)?.horizon ?? undefined;
  }

  release(peerId: string, sid: string): void {
    const holders = this.bySid.get(sid);
    if (!holders?.delete(peerId)) return;
    if (holders.size === 0) this.bySid.delete(sid);
    const sids = this.byPeer.get(peerId);
    sids?.delete(sid);
    if (sids?.size === 0) this.byPeer.delete(peerId);
  }

  /** The object was removed: nobody holds it any more. */
  forget(sid: string): void {
    for (const peerId of this.bySid.get(sid)?.keys() ?? []) {
      const sids = this.byPeer.get(peerId);
      sids?.delete(sid);
      if (sids?.size === 0) this.byPeer.delete(peerId);
    }
    this.bySid.delete(sid);
  }

  /** The connection closed. */
  dropPeer(peerId: string): void {
    for (const sid of this.byPeer.get(peerId) ?? []) {
      const holders = this.bySid.get(sid);
      holders?.delete(peerId);
      if (holders?.size === 0) this.bySid.delete(sid);
    }
    this.byPeer.delete(peerId);
  }

  holderCount(sid: string): number {
    return this.bySid.get(sid)?.size ?? 0;
  }
}
