'use client';

import { createContext, useContext } from 'react';

/**
 * Where a thread's extra data comes from: the SDK for conversations the agent takes part in,
 * the app's API for those read from outside (a colleague's, the queue, a supervisor's monitor).
 */
export type MessageSource = {
  mediaUrl(messageSid: string, mediaSid: string): Promise<string | null>;
  receipts(messageSid: string): Promise<{ status: string; errorCode: string | number | null }[]>;
};

export const MessageSourceContext = createContext<MessageSource | null>(null);

export function useMessageSource(): MessageSource {
  const source = useContext(MessageSourceContext);
  if (!source) throw new Error('useMessageSource must be used inside a thread.');
  return source;
}
