import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';
import { channelLabel } from '@/lib/conversations/conversation-descriptor';

const STYLES: Record<TConversationChannel, string> = {
  sms: 'bg-sky-100 text-sky-800',
  whatsapp: 'bg-emerald-100 text-emerald-800',
  chat: 'bg-violet-100 text-violet-800',
  group: 'bg-amber-100 text-amber-800',
};

export function ChannelBadge({ channel }: { channel: TConversationChannel }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded px-1.5 py-0.5 text-[11px] font-semibold ${STYLES[channel]}`}>
      {channelLabel(channel)}
    </span>
  );
}
