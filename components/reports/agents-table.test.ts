import { describe, expect, it } from 'vitest';
import type { AgentStats } from '@/lib/reports/read-agent-stats';
import { COLUMNS, sortAgents } from './agents-table';

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
  csatResponseRate: null,
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

describe('the survey responses column', () => {
  const column = COLUMNS.find((candidate) => candidate.key === 'csatResponseRate')!;
  it('reads the share of surveys answered, with the counts; nothing when none went out', () => {
    expect(column.format({ ...agent('Ab', null, 0), surveysSent: 3, surveysAnswered: 2, csatResponseRate: 2 / 3 })).toBe('67% (2 of 3)');
    expect(column.format({ ...agent('Bo', null, 0), surveysSent: 1, surveysAnswered: 0, csatResponseRate: 0 })).toBe('0% (0 of 1)');
    expect(column.format(agent('Cy', null, 0))).toBe('—');
  });
});
