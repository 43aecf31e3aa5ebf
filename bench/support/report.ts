import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Row = Record<string, string | number>;

/** A plain aligned table for the terminal. */
export function printTable(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] ?? {});
  const width = (column: string) => Math.max(column.length, ...rows.map((row) => String(row[column] ?? '').length));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(width(columns[i] ?? ''))).join('  ');
  console.log(line(columns));
  console.log(columns.map((c) => '-'.repeat(width(c))).join('  '));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? ''))));
}

/** Writes the full results as JSON under bench/results/ (gitignored); returns the file path. */
export function writeResults(name: string, results: unknown): string {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
