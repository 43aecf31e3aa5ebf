import type { MediaRecord } from '../store/records';
import { mutate, type DomainContext } from './context';
import { invalidParam, notFound } from './errors';
import { getService } from './lookup';
import type { Origin } from './origin';
import { LIMITS } from './validate';

export type MediaInput = { sid: string; contentType: string; filename: string | null; size: number; author: string };

/**
 * Registers uploaded media (MCS). The media adapter stores the bytes first, under `sid`, then calls
 * this, so a stored record always has its content.
 */
export const registerMedia = (ctx: DomainContext, serviceSid: string, input: MediaInput, origin: Origin) =>
  mutate(ctx, {
    prepare: () => {
      getService(ctx, serviceSid);
      if (input.size > LIMITS.mediaBytes) throw invalidParam(`Media is larger than ${LIMITS.mediaBytes} bytes`);
      if (!/^[\w.+-]+\/[\w.+-]+/.test(input.contentType)) throw invalidParam(`Content-Type is not a MIME type: '${input.contentType}'`);
      return input;
    },
    hook: () => null,
    apply: (fields) => {
      const now = ctx.clock.isoNow();
      const media: MediaRecord = {
        sid: fields.sid,
        seq: ctx.store.nextSeq(),
        dateCreated: now,
        dateUpdated: now,
        serviceSid,
        contentType: fields.contentType,
        filename: fields.filename,
        size: fields.size,
        author: fields.author,
        conversationSid: null,
        messageSid: null,
      };
      ctx.store.insert('media', media);
      return { result: media, events: [{ type: 'media.added', media, origin, at: now, serviceSid }] };
    },
  });

export const getMedia = (ctx: DomainContext, serviceSid: string, sid: string): MediaRecord => {
  const media = ctx.store.get('media', sid);
  if (!media || media.serviceSid !== serviceSid) throw notFound(`/Services/${serviceSid}/Media/${sid}`);
  return media;
};
