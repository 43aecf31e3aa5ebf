/**
 * How a conversation is bound to the phone network, as Twilio reports it when a conversation is
 * autocreated: the customers' addresses (several for a group MMS), the account number they wrote
 * to (proxy address), or the number a group text is projected from.
 */
export type Binding = { addresses: string[]; proxyAddress: string | null; projectedAddress: string | null };
