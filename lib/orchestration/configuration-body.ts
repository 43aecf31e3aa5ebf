import type { CaptureChannel, ConfigurationView, GroupingType, TConfigurationForm } from './configuration-form';
import { CAPTURE_CHANNELS } from './configuration-form';

type CaptureRule = { from: string; to: string; metadata?: Record<string, unknown> };
type ChannelSetting = { statusTimeouts?: { inactive?: number; closed?: number }; captureRules?: CaptureRule[] };

/** The v2 configuration as Twilio answers it (the fields the page reads). */
export type TwilioConfiguration = {
  id?: string;
  displayName?: string;
  description?: string | null;
  conversationGroupingType?: string;
  memoryStoreId?: string | null;
  channelSettings?: Record<string, ChannelSetting> | null;
  conversationsV1Bridge?: { serviceId?: string } | null;
  version?: number;
  updatedAt?: Date | string | null;
};

/** Channel addresses carry their prefix on WhatsApp (`whatsapp:+1…`), as capture rules require. */
const onChannel = (channel: CaptureChannel, address: string) =>
  channel === 'WHATSAPP' && address !== '*' && !address.startsWith('whatsapp:') ? `whatsapp:${address}` : address;

/**
 * The form as a v2 configuration body. Capturing a number means both ways: messages to it (replies,
 * inbound) and from it (broadcasts, agents' answers); `*` captures the whole channel.
 */
export function toConfigurationBody(form: TConfigurationForm, inboxServiceSid: string) {
  const timeouts = {
    ...(form.inactiveMinutes !== null ? { inactive: form.inactiveMinutes } : {}),
    ...(form.closedMinutes !== null ? { closed: form.closedMinutes } : {}),
  };
  const channelSettings: Record<string, ChannelSetting> = {};
  for (const channel of CAPTURE_CHANNELS) {
    const addresses = [...new Set(form.captures[channel].map((a) => onChannel(channel, a)))];
    if (addresses.length === 0) continue;
    const captureRules = addresses.flatMap((address) => (address === '*' ? [{ from: '*', to: '*' }] : [{ from: '*', to: address }, { from: address, to: '*' }]));
    channelSettings[channel] = { statusTimeouts: timeouts, captureRules };
  }
  return {
    displayName: form.displayName,
    description: form.description,
    conversationGroupingType: form.groupingType,
    ...(form.memoryStoreId ? { memoryStoreId: form.memoryStoreId } : {}),
    channelSettings,
    conversationsV1Bridge: form.bridgeToInbox ? { serviceId: inboxServiceSid } : null,
    ...(form.version !== undefined ? { version: form.version } : {}),
  };
}

/** The addresses a configuration captures on a channel, read back from its rules. */
const capturedAddresses = (setting: ChannelSetting | undefined): string[] => {
  const out = new Set<string>();
  for (const rule of setting?.captureRules ?? []) {
    if (rule.from === '*' && rule.to === '*') out.add('*');
    else if (rule.from === '*') out.add(rule.to);
    else out.add(rule.from);
  }
  return [...out];
};

export function toConfigurationView(c: TwilioConfiguration): ConfigurationView {
  const settings = c.channelSettings ?? {};
  const timeouts = settings.SMS?.statusTimeouts ?? settings.WHATSAPP?.statusTimeouts ?? {};
  return {
    id: c.id ?? '',
    displayName: c.displayName ?? '',
    description: c.description ?? '',
    groupingType: (c.conversationGroupingType ?? 'GROUP_BY_PARTICIPANT_ADDRESSES') as GroupingType,
    memoryStoreId: c.memoryStoreId ?? '',
    captures: { SMS: capturedAddresses(settings.SMS), WHATSAPP: capturedAddresses(settings.WHATSAPP) },
    inactiveMinutes: timeouts.inactive ?? null,
    closedMinutes: timeouts.closed ?? null,
    bridgeServiceId: c.conversationsV1Bridge?.serviceId ?? null,
    version: c.version ?? 1,
    updatedAt: c.updatedAt instanceof Date ? c.updatedAt.toISOString() : (c.updatedAt ?? ''),
  };
}
