import type { Core } from '../domain/core';
import type { MediaInput } from '../domain/media';
import type { Origin } from '../domain/origin';
import type { MediaRecord } from '../store/records';
import { newSid } from '../store/sid';
import type { BlobStore } from './blob-store';

export type MediaUpload = Omit<MediaInput, 'sid' | 'size'> & { serviceSid: string; bytes: Buffer };

/**
 * Stores an upload (REST helper and SDK alike): bytes first, then the record, so a stored record always
 * has its content; the bytes are dropped again when the domain refuses the record.
 */
export async function storeMedia(core: Core, blobs: BlobStore, upload: MediaUpload, origin: Origin): Promise<MediaRecord> {
  const { serviceSid, bytes, ...fields } = upload;
  const sid = newSid('ME');
  await blobs.put(sid, bytes);
  try {
    return await core.media.registerMedia(serviceSid, { sid, ...fields, size: bytes.length }, origin);
  } catch (error) {
    blobs.delete(sid);
    throw error;
  }
}
