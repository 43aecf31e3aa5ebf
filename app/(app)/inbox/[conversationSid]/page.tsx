import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/guard';
import { isConversationSid } from '@/lib/twilio/sids';

// The inbox layout shows the conversation named in the URL (switching between conversations
// happens in the browser); this page only guards the URL itself.
export default async function ConversationPage({ params }: { params: Promise<{ conversationSid: string }> }) {
  await requireUser();
  const { conversationSid } = await params;
  if (!isConversationSid(conversationSid)) notFound();
  return null;
}
