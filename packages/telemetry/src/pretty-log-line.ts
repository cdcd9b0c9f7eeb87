const colours: Record<string, string> = {
  TRACE: '\u001b[90m',
  DEBUG: '\u001b[36m',
  INFO: '\u001b[32m',
  WARN: '\u001b[33m',
  ERROR: '\u001b[31m',
  FATAL: '\u001b[35m',
};
const reset = '\u001b[0m';
const dim = '\u001b[2m';

/**
 * One JSON log line as a developer reads it in a terminal pane:
 * `12:00:01.234 INFO  order  order placed  orderId=… requestId=… trace=4bf92f35…`.
 * The trace id is printed in full so it can be searched for in the other panes.
 */
export function prettyLogLine(json: string, colour = false): string {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = String(line.level ?? '');
  const time = typeof line.timestamp === 'string' ? line.timestamp.slice(11, 23) : '';
  const on = colour ? (colours[level] ?? '') : '';
  const off = colour ? reset : '';
  const faint = colour ? dim : '';
  const fields: string[] = [];
  const metadata = (line.metadata ?? {}) as Record<string, unknown>;
  const err = metadata.err as { message?: string; stack?: string } | undefined;
  for (const [key, value] of Object.entries(metadata)) {
    if (key === 'err') continue;
    fields.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  for (const key of ['userId', 'requestId', 'traceId'] as const) {
    if (line[key]) fields.push(`${key}=${String(line[key])}`);
  }
  const head = `${faint}${time}${off} ${on}${level.padEnd(5)}${off} ${String(line.service ?? '')}`;
  const tail = fields.length > 0 ? `  ${faint}${fields.join(' ')}${off}` : '';
  const stack = err?.stack ? `\n${err.stack}` : err?.message ? `\n${err.message}` : '';
  return `${head}  ${String(line.message ?? '')}${tail}${stack}\n`;
}
