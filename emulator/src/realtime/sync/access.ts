import type { AccessTokenClaims } from '../auth/access-token';
import type { SyncObjectInfo, SyncObjectType } from './state';

/**
 * Who is asking: the token's identity and chat service. The service matters once several
 * Conversation Services exist: the same identity in two services is two users.
 */
export type AccessSubject = { identity: string; serviceSid: string | null };

/** Who may see an object: its descriptor, items and events. The chat layer restricts per-user objects. */
export type CanAccess = (subject: AccessSubject, object: SyncObjectInfo) => boolean;

export type WriteTarget =
  | { action: 'create'; type: SyncObjectType; uniqueName: string | null }
  | { action: 'update' | 'remove'; object: SyncObjectInfo };

/** Whether a client may write through the Sync REST surface. Conversations never does. */
export type CanWrite = (subject: AccessSubject, target: WriteTarget) => boolean;

export function accessSubject(identity: string, claims: AccessTokenClaims | null): AccessSubject {
  return { identity, serviceSid: claims?.chatServiceSid ?? null };
}
