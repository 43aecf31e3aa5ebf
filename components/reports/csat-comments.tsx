import Link from 'next/link';
import type { CsatResponse } from '@/lib/reports/read-csat-responses';

/** Survey answers, newest first: score, what the customer wrote, whom it rates. */
export function CsatComments({ responses, timeZone }: { responses: CsatResponse[]; timeZone: string }) {
  const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  if (responses.length === 0) return <p className="text-sm text-slate-500">No survey answers in this period.</p>;
  return (
    <ul aria-label="Survey answers" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {responses.map((response) => (
        <li key={response.conversationSid} data-testid="csat-response" className="flex gap-3 px-3 py-2 text-sm">
          <span className="w-10 shrink-0 font-semibold tabular-nums" aria-label={`Score ${response.score} of 5`}>
            {response.score}/5
          </span>
          <div className="min-w-0">
            {/* User content: rendered as text. */}
            <p className="whitespace-pre-wrap break-words">{response.comment ?? <span className="text-slate-400">No comment</span>}</p>
            <p className="text-xs text-slate-500">
              {response.agentName ?? 'Unassigned'} · {when.format(new Date(response.respondedAt))} ·{' '}
              <Link href={`/supervisor/conversations/${response.conversationSid}`} className="text-indigo-700 hover:underline">
                conversation
              </Link>
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
