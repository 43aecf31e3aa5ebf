import { displayAddress } from '@/lib/conversations/phone-address';
import type { TPhoneMessage } from './control-api';
import { STATUS_LABELS } from './phone-threads';
import { RichFooter, RichHeader } from './rich-content';

const REASONS: Record<number, string> = { 30003: 'phone unreachable' };

/** One message as the phone shows it: who sent it (in a group), the text, media, and its state. */
export function MessageBubble({ message, showSender }: { message: TPhoneMessage; showSender: boolean }) {
  const mine = message.direction === 'sent';
  const reason = message.error_code ? (REASONS[message.error_code] ?? `error ${message.error_code}`) : null;
  return (
    <li
      data-testid="phone-message"
      data-direction={message.direction}
      data-status={message.status}
      className={`flex max-w-[80%] flex-col gap-1 rounded-2xl px-3 py-2 text-sm ${mine ? 'self-end bg-indigo-600 text-white' : 'self-start bg-white text-slate-900 ring-1 ring-slate-200'}`}
    >
      {showSender && !mine ? <span className="text-xs font-semibold text-slate-500">{displayAddress(message.from)}</span> : null}
      {message.media.map((media) =>
        media.content_type.startsWith('image/') ? (
          // eslint-disable-next-line @next/next/no-img-element -- bytes come from the emulator, not a static asset
          <img key={media.sid} src={media.url} alt={media.filename ?? 'Picture'} className="max-h-48 rounded-lg" />
        ) : (
          <a key={media.sid} href={media.url} target="_blank" rel="noreferrer" className="underline">
            {media.filename ?? media.content_type}
          </a>
        ),
      )}
      {message.content ? <RichHeader content={message.content} /> : null}
      {message.body ? <p className="whitespace-pre-wrap break-words">{message.body}</p> : null}
      {message.content ? <RichFooter content={message.content} /> : null}
      <span className={`text-xs ${mine ? 'text-indigo-100' : 'text-slate-500'}`}>
        <time dateTime={message.date_created}>{new Date(message.date_created).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>
        {' · '}
        <span data-testid="phone-message-status">
          {STATUS_LABELS[message.status]}
          {reason ? ` (${reason})` : ''}
        </span>
      </span>
    </li>
  );
}
