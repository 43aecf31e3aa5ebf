import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { ServerThreadView } from '@/components/inbox/server-thread-view';
import { HistoryPanel } from '@/components/supervisor/history-panel';
import { requireUser } from '@/lib/auth/guard';
import { isConversationSid } from '@/lib/twilio/sids';
import { SUPERVISOR_ROLES } from '@/lib/auth/roles';

// Monitor: any conversation, read live from the server, without joining it as a participant.
export default async function MonitorPage({ params }: { params: Promise<{ conversationSid: string }> }) {
  const user = await requireUser(SUPERVISOR_ROLES);
  const { conversationSid } = await params;
  if (!isConversationSid(conversationSid)) notFound();
  return (
    <div className="flex h-full flex-col">
      <nav aria-label="Breadcrumb" className="border-b border-slate-200 bg-white px-4 py-2 text-sm">
        <Link href="/supervisor" className="inline-flex items-center gap-1 text-indigo-700 hover:underline"><ArrowLeft aria-hidden className="h-4 w-4" />Supervisor console</Link>
      </nav>
      <div className="grid min-h-0 flex-1 grid-cols-1 lg:grid-cols-[1fr_18rem]">
        <ServerThreadView sid={conversationSid} viewer={{ id: user.id, role: user.role }} />
        <div className="hidden min-h-0 lg:block">
          <HistoryPanel conversationSid={conversationSid} />
        </div>
      </div>
    </div>
  );
}
