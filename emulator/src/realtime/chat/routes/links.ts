/**
 * The chat API's URL layout (ours to choose, the SDK only follows the links it is given). Every
 * link is absolute on the host the client used; MCS is plain HTTP on the same server.
 */
export type ChatLinks = ReturnType<typeof chatLinks>;

export function chatLinks(baseUrl: string, serviceSid: string) {
  const service = `${baseUrl}/Client/v2/Services/${serviceSid}`;
  const conversations = `${service}/Conversations`;
  return {
    service,
    conversations,
    myConversations: `${service}/Users/Me/Conversations`,
    users: `${service}/Users`,
    currentUser: `${service}/Users/Me`,
    typing: `${service}/Typing`,
    mediaService: `${baseUrl}/mcs/v1/Services/${serviceSid}/Media`,
    mediaSetService: `${baseUrl}/mcs/v1/Services/${serviceSid}/MediaSet`,
    // The SDK replaces the two %s with the conversation and message SIDs, in that order.
    messagesReceipts: `${conversations}/%s/Messages/%s/Receipts`,
    configuration: `${service}/Configuration`,
  };
}
