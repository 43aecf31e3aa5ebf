import { ExternalLink, Phone, Reply } from 'lucide-react';
import type { TRichContent } from './control-api';

const IMAGE_URL = /\.(png|jpe?g|gif|webp)(\?|$)/i;

/**
 * A template's media header and text header, above its body, as WhatsApp shows them. Template media
 * are URLs the business hosts; an image URL is shown as the picture, anything else as a link.
 */
export function RichHeader({ content }: { content: TRichContent }) {
  return (
    <>
      {content.media_urls.map((url) =>
        IMAGE_URL.test(url) ? (
          // eslint-disable-next-line @next/next/no-img-element -- the template's own media URL, not a static asset
          <img key={url} src={url} alt="Media header" data-testid="phone-media-header" className="max-h-48 rounded-lg bg-slate-100" />
        ) : (
          <a key={url} href={url} target="_blank" rel="noreferrer" data-testid="phone-media-header" className="underline">
            {url}
          </a>
        ),
      )}
      {content.header_text ? <p className="font-semibold">{content.header_text}</p> : null}
    </>
  );
}

/** The footer and the buttons under a template's body: quick replies, links and phone numbers. */
export function RichFooter({ content }: { content: TRichContent }) {
  return (
    <>
      {content.footer ? <p className="text-xs text-slate-500">{content.footer}</p> : null}
      {content.buttons.length > 0 ? (
        <ul aria-label="Template buttons" className="mt-1 flex flex-col divide-y divide-slate-200 border-t border-slate-200">
          {content.buttons.map((button, i) => (
            <li key={`${button.title}-${i}`} data-testid="phone-template-button" className="flex items-center justify-center gap-1 py-1.5 text-sm font-medium text-sky-700">
              {button.url ? <ExternalLink aria-hidden className="size-3.5" /> : button.phone ? <Phone aria-hidden className="size-3.5" /> : <Reply aria-hidden className="size-3.5" />}
              {button.url ? (
                <a href={button.url} target="_blank" rel="noreferrer">
                  {button.title}
                </a>
              ) : (
                <span>{button.title}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
