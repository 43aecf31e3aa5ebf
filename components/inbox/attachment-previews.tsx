'use client';

import { useEffect, useMemo } from 'react';
import { FileText, X } from 'lucide-react';
import { fileSize } from '@/lib/inbox/format';

/** Files about to be sent: thumbnails for images, name and size for the rest, each removable. */
export function AttachmentPreviews({ files, onRemove }: { files: File[]; onRemove: (index: number) => void }) {
  const urls = useMemo(() => files.map((file) => (file.type.startsWith('image/') ? URL.createObjectURL(file) : null)), [files]);
  useEffect(() => () => urls.forEach((url) => url && URL.revokeObjectURL(url)), [urls]);
  if (files.length === 0) return null;
  return (
    <ul aria-label="Attachments" className="mb-2 flex flex-wrap gap-2">
      {files.map((file, index) => (
        <li key={`${file.name}-${index}`} className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 py-1 pl-1 pr-2 text-xs">
          {urls[index] ? (
            // eslint-disable-next-line @next/next/no-img-element -- a local object URL preview
            <img src={urls[index]!} alt="" className="h-10 w-10 rounded object-cover" />
          ) : (
            <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded bg-white text-slate-500"><FileText className="h-5 w-5" /></span>
          )}
          <span className="max-w-40">
            <span className="block truncate font-medium text-slate-800">{file.name}</span>
            <span className="text-slate-500">{fileSize(file.size)}</span>
          </span>
          <button type="button" aria-label={`Remove ${file.name}`} onClick={() => onRemove(index)} className="ml-1 rounded p-1 text-slate-600 hover:bg-slate-200">
            <X aria-hidden className="h-4 w-4" />
          </button>
        </li>
      ))}
    </ul>
  );
}
