/** A message author that is a phone (SMS/WhatsApp) rather than a chat identity: the customer. */
export function isPhoneAuthor(author: string | null | undefined): boolean {
  return Boolean(author && (/^\+\d{6,15}$/.test(author) || author.startsWith('whatsapp:')));
}
