import { describe, expect, it } from 'vitest';
import type { AgentStats } from '@/lib/reports/read-agent-stats';
import { sortAgents } from './agents-table';

const agent = (name: string, firstResponseMedianSeconds: number | null, repliesSent: number): AgentStats => ({
  id: name,
  name,
  role: 'AGENT',
  handled: 1,
  firstResponseMedianSeconds,
  resolutionMedianSeconds: null,
  repliesSent,
  transfersIn: 0,
  transfersOut: 0,
  availableSeconds: 0,
  surveysSent: 0,
  surveysAnswered: 0,
  csatScore: null,
  csatAverage: null,
});

describe('sorting the agents table', () => {
  const rows = [agent('Cy', 300, 2), agent('Ab', null, 9), agent('Bo', 60, 2)];
  it('sorts by a figure either way, empty figures last, ties by name', () => {
    expect(sortAgents(rows, { key: 'firstResponseMedianSeconds', descending: false }).map((row) => row.name)).toEqual(['Bo', 'Cy', 'Ab']);
    expect(sortAgents(rows, { key: 'firstResponseMedianSeconds', descending: true }).map((row) => row.name)).toEqual(['Cy', 'Bo', 'Ab']);
    expect(sortAgents(rows, { key: 'repliesSent', descending: true }).map((row) => row.name)).toEqual(['Ab', 'Bo', 'Cy']);
    expect(sortAgents(rows, { key: 'name', descending: false }).map((row) => row.name)).toEqual(['Ab', 'Bo', 'Cy']);
  });
});
