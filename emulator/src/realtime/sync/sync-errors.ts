import { TwilioError } from '../../domain/errors';
import type { SyncObjectType } from './state';

/** The Sync engine's errors: the emulator's one error type, with Twilio's Sync error codes. */

const OBJECT_NOT_FOUND = { document: [54100, 'Document'], list: [54150, 'List'], map: [54200, 'Map'] } as const;

export function objectNotFound(type: SyncObjectType): TwilioError {
  const [code, noun] = OBJECT_NOT_FOUND[type];
  return new TwilioError(code, 404, `${noun} not found`);
}

export function itemNotFound(type: 'list' | 'map'): TwilioError {
  return type === 'list' ? new TwilioError(54151, 404, 'List Item not found') : new TwilioError(54201, 404, 'Map Item not found');
}

export function revisionMismatch(target: 'document' | 'list' | 'map'): TwilioError {
  const code = { document: 54103, list: 54155, map: 54205 }[target];
  return new TwilioError(code, 412, 'The revision does not match');
}

export const uniqueNameExists = (): TwilioError => new TwilioError(54301, 409, 'Unique name already exists');
export const invalidUniqueName = (): TwilioError => new TwilioError(54302, 400, 'Invalid unique name');
export const mapItemExists = (): TwilioError => new TwilioError(54208, 409, 'Map Item already exists');
export const listItemExists = (): TwilioError => new TwilioError(20001, 409, 'List Item already exists');
export const invalidListIndex = (): TwilioError => new TwilioError(54458, 400, 'Invalid List Item index');
export const accessForbidden = (): TwilioError => new TwilioError(54007, 403, 'Access forbidden for identity');
export const invalidRequest = (message: string): TwilioError => new TwilioError(20001, 400, message);
