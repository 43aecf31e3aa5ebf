import type { TConversationChannel } from '@/lib/conversations/conversation-attributes';

// Twilio's limits (Limits page): MMS at most 10 files and 5 MB together; WhatsApp one file of
// at most 16 MB per message; chat files up to 150 MB each. Text: 1,600 characters to phones.
const MB = 1024 * 1024;

export const LIMITS: Record<TConversationChannel, { maxFiles: number; maxTotalBytes: number; maxFileBytes: number; maxBodyLength: number | null }> = {
  sms: { maxFiles: 10, maxTotalBytes: 5 * MB, maxFileBytes: 5 * MB, maxBodyLength: 1600 },
  group: { maxFiles: 10, maxTotalBytes: 5 * MB, maxFileBytes: 5 * MB, maxBodyLength: 1600 },
  whatsapp: { maxFiles: 1, maxTotalBytes: 16 * MB, maxFileBytes: 16 * MB, maxBodyLength: 1600 },
  chat: { maxFiles: 10, maxTotalBytes: Infinity, maxFileBytes: 150 * MB, maxBodyLength: 32 * 1024 },
};

/** Why these files (and text) cannot be sent on this channel, or null when they can. */
export function attachmentProblem(channel: TConversationChannel, files: { size: number; name: string }[], bodyLength = 0): string | null {
  const limit = LIMITS[channel];
  const label = channel === 'whatsapp' ? 'WhatsApp' : channel === 'chat' ? 'Chat' : 'MMS';
  if (limit.maxBodyLength !== null && bodyLength > limit.maxBodyLength) {
    return `Messages to phones are at most ${limit.maxBodyLength.toLocaleString('en-US')} characters (${bodyLength.toLocaleString('en-US')} now).`;
  }
  if (files.length > limit.maxFiles) {
    return limit.maxFiles === 1 ? `${label} takes one file per message.` : `${label} takes at most ${limit.maxFiles} files per message.`;
  }
  const tooBig = files.find((file) => file.size > limit.maxFileBytes);
  if (tooBig) return `${tooBig.name} is larger than ${label}’s ${limit.maxFileBytes / MB} MB limit.`;
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > limit.maxTotalBytes) return `${label} files must be ${limit.maxTotalBytes / MB} MB or less together.`;
  return null;
}
