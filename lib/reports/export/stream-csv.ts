import { stringify } from 'csv-stringify/sync';
import type { CsvValue } from './export-tables';

/**
 * CSV text, page by page, as a byte stream. Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first) are escaped: customers write the comments.
 */
export function streamCsv(columns: string[], pages: AsyncGenerator<CsvValue[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await pages.next();
        if (next.done) {
          if (header) controller.enqueue(encoder.encode(stringify([columns])));
          controller.close();
          return;
        }
        const rows = next.value.map((row) => row.map((value) => (value === null ? '' : value)));
        controller.enqueue(encoder.encode(stringify(header ? [columns, ...rows] : rows, { escape_formulas: true })));
        header = false;
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
