'use client';

import { useEffect, useState } from 'react';
import { fileSize } from '@/lib/inbox/format';
import type { MediaRecord } from '@/lib/conversations/view-records';
import { useMessageSource } from './message-source';

type Loaded = { attempt: number; url: string | null; failed: boolean };

/**
 * An attachment of a sent message. Content URLs are temporary: fetched when the row is
 * rendered (rows are virtualized, so only on screen), and fetched again if one has expired.
 */
export function AttachmentView({ messageSid, media }: { messageSid: string; media: MediaRecord }) {
  const source = useMessageSource();
  const isImage = media.contentType.startsWith('image/');
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!isImage) return;
    let cancelled = false;
    source.mediaUrl(messageSid, media.sid).then(
      (url) => !cancelled && setLoaded({ attempt, url, failed: false }),
      () => !cancelled && setLoaded({ attempt, url: null, failed: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, messageSid, media.sid, isImage, attempt]);

  const name = media.filename ?? (isImage ? 'Image' : 'File');
  const current = loaded?.attempt === attempt ? loaded : null;
  if (isImage && !current?.failed) {
    return current?.url ? (
      // eslint-disable-next-line @next/next/no-img-element -- a temporary third-party URL, not an optimizable asset
      <img
        src={current.url}
        alt={name}
        loading="lazy"
        className="max-h-72 max-w-full rounded-lg border border-black/5 object-contain"
        // An expired temporary URL: ask for a fresh one, once.
        onError={() => (attempt === 0 ? setAttempt(1) : setLoaded({ attempt, url: null, failed: true }))}
      />
    ) : (
      <div className="h-40 w-56 animate-pulse rounded-lg bg-slate-200" role="img" aria-label={`Loading ${name}`} />
    );
  }
  return (
    <button
      type="button"
      onClick={async () => {
        const fresh = await source.mediaUrl(messageSid, media.sid).catch(() => null);
        if (fresh) window.open(fresh, '_blank', 'noopener');
      }}
      className="flex max-w-xs items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-slate-800 hover:bg-slate-50"
    >
      <span aria-hidden className="rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase text-slate-600">
        {name.includes('.') ? name.split('.').pop()!.slice(0, 4) : 'file'}
      </span>
      <span className="min-w-0">
        <span className="block truncate text-sm font-medium">{name}</span>
        <span className="block text-xs text-slate-500">{fileSize(media.size)}</span>
      </span>
    </button>
  );
}
