import { notFound } from 'next/navigation';
import { ConversationScreen } from '@/components/inbox/conversation-screen';
import { requireUser } from '@/lib/auth/guard';

export default async function ConversationPage({ params }: { params: Promise<{ conversationSid: string }> }) {
  const user = await requireUser();
  const { conversationSid } = await params;
  if (!/^CH[0-9a-f]{32}$/.test(conversationSid)) notFound();
  return <ConversationScreen sid={conversationSid} viewer={{ id: user.id, role: user.role }} />;
}
