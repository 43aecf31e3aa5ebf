import { UpstreamHttpError } from '../upstream/http-error';
import type { SyncObjectType } from './state';

/**
 * Errors of the Sync engine, with Twilio's Sync error codes. They extend the upstream HTTP error so a
 * route handler can let them propagate and the router answers with `{ code, message, status }`.
 */
export class SyncError extends UpstreamHttpError {
  override name = 'SyncError';
}

const OBJECT_NOT_FOUND = { document: [54100, 'Document'], list: [54150, 'List'], map: [54200, 'Map'] } as const;

export function objectNotFound(type: SyncObjectType): SyncError {
  const [code, noun] = OBJECT_NOT_FOUND[type];
  return new SyncError(404, code, `${noun} not found`);
}

export function itemNotFound(type: 'list' | 'map'): SyncError {
  return type === 'list' ? new SyncError(404, 54151, 'List Item not found') : new SyncError(404, 54201, 'Map Item not found');
}

export function revisionMismatch(target: 'document' | 'list' | 'map'): SyncError {
  const code = { document: 54103, list: 54155, map: 54205 }[target];
  return new SyncError(412, code, 'The revision does not match');
}

export const uniqueNameExists = (): SyncError => new SyncError(409, 54301, 'Unique name already exists');
export const invalidUniqueName = (): SyncError => new SyncError(400, 54302, 'Invalid unique name');
export const mapItemExists = (): SyncError => new SyncError(409, 54208, 'Map Item already exists');
export const listItemExists = (): SyncError => new SyncError(409, 20001, 'List Item already exists');
export const invalidListIndex = (): SyncError => new SyncError(400, 54458, 'Invalid List Item index');
export const accessForbidden = (): SyncError => new SyncError(403, 54007, 'Access forbidden for identity');
export const invalidRequest = (message: string): SyncError => new SyncError(400, 20001, message);
