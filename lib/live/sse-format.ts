// Server-Sent Events framing (the WHATWG "text/event-stream" format), nothing else.

/** One message: `data` is JSON on a single line, so no line of it can end the message early. */
export function sseMessage({ data, id, event, retryMs }: { data: unknown; id?: string; event?: string; retryMs?: number }): string {
  const lines: string[] = [];
  if (retryMs !== undefined) lines.push(`retry: ${retryMs}`);
  if (id !== undefined) lines.push(`id: ${singleLine(id)}`);
  if (event !== undefined) lines.push(`event: ${singleLine(event)}`);
  lines.push(`data: ${JSON.stringify(data)}`);
  return `${lines.join('\n')}\n\n`;
}

/** A comment line: ignored by EventSource, it keeps the connection (and proxies) awake. */
export function sseComment(text: string): string {
  return `: ${singleLine(text)}\n\n`;
}

function singleLine(value: string): string {
  return value.replace(/[\r\n]/g, ' ');
}
