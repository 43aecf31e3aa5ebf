import { ROLE_LABELS } from '@/lib/auth/roles';
import type { FloorAgent } from '@/lib/supervision/floor-overview';
import { presenceLabel } from '@/lib/users/presence-label';

const TONES = { Offline: 'bg-slate-300', Online: 'bg-emerald-500', Available: 'bg-emerald-500', Away: 'bg-amber-400' } as const;

function presence(agent: FloorAgent): { label: string; tone: string } {
  const label = presenceLabel(agent);
  return { label, tone: TONES[label] };
}

export function AgentsPanel({ agents, onSelect, selectedId }: { agents: FloorAgent[]; onSelect: (id: string | null) => void; selectedId: string | null }) {
  return (
    <section aria-labelledby="agents-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="agents-heading" className="border-b border-slate-100 px-4 py-2 text-sm font-semibold">Team</h2>
      <ul>
        {agents.map((agent) => {
          const status = presence(agent);
          const full = agent.role === 'AGENT' && agent.load >= agent.capacity;
          return (
            <li key={agent.id}>
              <button
                type="button"
                aria-pressed={selectedId === agent.id}
                onClick={() => onSelect(selectedId === agent.id ? null : agent.id)}
                className={`flex w-full items-center gap-3 px-4 py-2 text-left text-sm hover:bg-slate-50 ${selectedId === agent.id ? 'bg-indigo-50' : ''}`}
                data-testid={`agent-${agent.id}`}
              >
                <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${status.tone}`} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{agent.name}</span>
                  <span className="text-xs text-slate-500">
                    {ROLE_LABELS[agent.role]} · {status.label}
                  </span>
                </span>
                <span className={`text-xs tabular-nums ${full ? 'font-semibold text-amber-700' : 'text-slate-600'}`} aria-label={`${agent.load} of ${agent.capacity} conversations`}>
                  {agent.load}/{agent.capacity}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
