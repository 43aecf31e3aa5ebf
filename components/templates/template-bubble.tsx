import { ExternalLink, Reply } from 'lucide-react';
import type { TemplatePreview } from '@/lib/templates/template-view';

const IMAGE_URL = /\.(png|jpe?g|gif|webp)(\?|$)/i;

/**
 * A template as the customer sees it on WhatsApp: media header, text header, body, footer and buttons.
 * The composer's live preview and the thread's sent templates both draw it.
 */
export function TemplateBubble({ preview, name }: { preview: TemplatePreview; name?: string }) {
  return (
    <div data-testid="template-bubble" className="flex max-w-sm flex-col gap-1 rounded-2xl bg-emerald-50 px-3 py-2 text-sm text-slate-900 ring-1 ring-emerald-200">
      {name ? <span className="text-[11px] font-medium text-emerald-800">Template · {name}</span> : null}
      {preview.mediaUrl ? (
        IMAGE_URL.test(preview.mediaUrl) ? (
          // eslint-disable-next-line @next/next/no-img-element -- the template's own media URL, not a static asset
          <img src={preview.mediaUrl} alt="Media header" data-testid="template-media-header" className="max-h-40 rounded-lg bg-slate-100" />
        ) : (
          <a href={preview.mediaUrl} target="_blank" rel="noreferrer" data-testid="template-media-header" className="truncate underline">
            {preview.mediaUrl}
          </a>
        )
      ) : null}
      {preview.headerText ? <p className="font-semibold">{preview.headerText}</p> : null}
      <p data-testid="template-body" className="whitespace-pre-wrap break-words">{preview.body}</p>
      {preview.footer ? <p className="text-xs text-slate-500">{preview.footer}</p> : null}
      {preview.buttons.length > 0 ? (
        <ul aria-label="Buttons" className="mt-1 flex flex-col divide-y divide-emerald-200 border-t border-emerald-200">
          {preview.buttons.map((button, i) => (
            <li key={`${button.title}-${i}`} className="flex items-center justify-center gap-1 py-1 text-sm font-medium text-sky-700">
              {button.url ? <ExternalLink aria-hidden className="size-3.5" /> : <Reply aria-hidden className="size-3.5" />}
              {button.title}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
