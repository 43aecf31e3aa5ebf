import type { ConversationChannel } from '@/lib/db/generated/enums';
import { stripControlCharacters } from '@/lib/text/control-characters';
import { parseAttributes, readSwitchboardAttributes, type TConversationChannel, type TSwitchboardAttributes } from './conversation-attributes';
import type { Binding } from './messaging-binding';
import { channelOfAddress, displayAddress } from './phone-address';
import type { ConversationRecord } from './view-records';

// What a conversation is — channel, customer, the account number, a group's members — in one
// shape, and every way it travels: Twilio attributes, a webhook's binding, the index row, and the
// record the views render. The index, the inbox, the supervisor console and the monitor all read
// it through here, so the four never disagree.

export type ConversationDescriptor = TSwitchboardAttributes;

type ChannelName = { index: ConversationChannel; label: string };

/** The one channel table: the index's enum and the label people read. */
export const CHANNELS: Record<TConversationChannel, ChannelName> = {
  sms: { index: 'SMS', label: 'SMS' },
  whatsapp: { index: 'WHATSAPP', label: 'WhatsApp' },
  chat: { index: 'CHAT', label: 'Chat' },
  group: { index: 'GROUP', label: 'Group' },
};

const FROM_INDEX = Object.fromEntries(Object.entries(CHANNELS).map(([channel, name]) => [name.index, channel])) as Record<ConversationChannel, TConversationChannel>;

export function channelFromIndex(channel: ConversationChannel): TConversationChannel {
  return FROM_INDEX[channel];
}

export function channelToIndex(channel: TConversationChannel): ConversationChannel {
  return CHANNELS[channel].index;
}

export function channelLabel(channel: TConversationChannel): string {
  return CHANNELS[channel].label;
}

/** Switchboard's part of Twilio attributes (a JSON string or the SDK's parsed object). */
export function describeAttributes(attributes: unknown): ConversationDescriptor | null {
  return readSwitchboardAttributes(typeof attributes === 'string' || attributes == null ? parseAttributes(attributes) : attributes);
}

/**
 * What a conversation is, from the binding Twilio made it for. A group's projected address
 * names the group (its members are the addresses); a customer's address with a proxy address
 * names a 1:1 conversation. A group member's own binding (an address without a proxy) says
 * nothing about the conversation: null.
 */
export function describeBinding(binding: Binding): ConversationDescriptor | null {
  if (binding.projectedAddress) return { channel: 'group', members: binding.addresses, twilioNumber: binding.projectedAddress };
  const [address] = binding.addresses;
  if (!address || !binding.proxyAddress) return null;
  return { channel: channelOfAddress(address), customer: { address }, twilioNumber: binding.proxyAddress };
}

export type DescribedIndexRow = { channel: ConversationChannel; customerAddress: string | null; customerName: string | null; members: string[]; twilioNumber: string | null };

export function describeIndexRow(row: DescribedIndexRow): ConversationDescriptor {
  return {
    channel: channelFromIndex(row.channel),
    // A group's name is kept in the same column as a customer's: the name people know it by.
    ...(row.channel === 'GROUP' && row.customerName ? { name: row.customerName } : {}),
    ...(row.channel !== 'GROUP' && (row.customerAddress || row.customerName) ? { customer: { address: row.customerAddress ?? undefined, name: row.customerName ?? undefined } } : {}),
    ...(row.twilioNumber ? { twilioNumber: row.twilioNumber } : {}),
    ...(row.members.length ? { members: row.members } : {}),
  };
}

/**
 * The index fields a descriptor gives. Attributes and bindings come from Twilio, written by anyone
 * with access to the account: their text is stored without control characters.
 */
export function indexFieldsOf(descriptor: ConversationDescriptor) {
  const clean = stripControlCharacters;
  return {
    channel: channelToIndex(descriptor.channel),
    ...(descriptor.customer?.address ? { customerAddress: clean(descriptor.customer.address) } : {}),
    ...(descriptor.customer?.name ? { customerName: clean(descriptor.customer.name) } : {}),
    ...(descriptor.name ? { customerName: clean(descriptor.name) } : {}),
    ...(descriptor.members?.length ? { members: descriptor.members.map(clean) } : {}),
    ...(descriptor.twilioNumber ? { twilioNumber: clean(descriptor.twilioNumber) } : {}),
  };
}

/**
 * The index fields of what Twilio told us: Switchboard's attributes win over bindings. A single
 * address may be one member's binding rather than the group's list: it does not replace the
 * members on record.
 */
export function indexFieldsOfFacts({ attributes, binding }: { attributes?: string | null; binding?: Binding | null }) {
  const described = describeAttributes(attributes);
  if (described) return indexFieldsOf(described);
  const fromBinding = binding ? describeBinding(binding) : null;
  if (!fromBinding || !binding) return {};
  return indexFieldsOf(binding.addresses.length > 1 ? fromBinding : { ...fromBinding, members: undefined });
}

/**
 * The one title of a conversation: the customer's name, a group text's own name, the customer's
 * number, the group's numbers, else Twilio's friendly name (a team chat's).
 */
export function describeTitle(descriptor: ConversationDescriptor | null, friendlyName: string | null): string {
  const customer = descriptor?.customer;
  if (customer?.name) return customer.name;
  if (descriptor?.name) return descriptor.name;
  if (customer?.address) return displayAddress(customer.address);
  if (descriptor?.members?.length) return descriptor.members.map(displayAddress).join(', ');
  return friendlyName || 'Untitled conversation';
}

type RecordInput = Omit<ConversationRecord, 'switchboard' | 'lastReadMessageIndex' | 'lastMessageIndex'> & {
  descriptor: ConversationDescriptor | null;
  lastMessageIndex?: number | null;
  lastReadMessageIndex?: number | null;
};

/** The one place a view record is made: from the SDK, from the index, from the REST API. */
export function buildConversationRecord({ descriptor, lastMessageIndex = null, lastReadMessageIndex = null, ...rest }: RecordInput): ConversationRecord {
  return { ...rest, switchboard: descriptor, lastMessageIndex, lastReadMessageIndex };
}
