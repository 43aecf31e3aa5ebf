// Twilio SIDs: a two-letter prefix and 32 hex digits. Shared by routes, pages and the browser.
export const CONVERSATION_SID = /^CH[0-9a-f]{32}$/;
export const MESSAGE_SID = /^IM[0-9a-f]{32}$/;
export const MEDIA_SID = /^ME[0-9a-f]{32}$/;

export const isConversationSid = (value: string): boolean => CONVERSATION_SID.test(value);
