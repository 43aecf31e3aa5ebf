import { describe, expect, it } from 'vitest';
import { streamCsv } from './stream-csv';

async function* pages(...batches: (string | number | null)[][][]) {
  for (const batch of batches) yield batch;
}

describe('CSV export', () => {
  it('writes the header once, every page after it, quotes where needed and defuses formulas', async () => {
    const text = await new Response(streamCsv(['a', 'b'], pages([['x', 1]], [['say "hi", ok', null], ['=HYPERLINK("evil")', -3]]))).text();
    expect(text).toBe('a,b\nx,1\n"say ""hi"", ok",\n"\'=HYPERLINK(""evil"")",-3\n');
  });

  it('is just the header when there are no rows', async () => {
    expect(await new Response(streamCsv(['a', 'b'], pages())).text()).toBe('a,b\n');
  });
});
