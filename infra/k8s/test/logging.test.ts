import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStructuredLogger } from '@shop/api/observability';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The log collector (cluster/logging/alloy-values.yaml, Grafana Alloy for Loki) against the
// lines the processes really write: every field it extracts exists in a platform log line, and
// only low-cardinality fields become Loki labels.

const valuesFile = fileURLToPath(new URL('../cluster/logging/alloy-values.yaml', import.meta.url));
const values = parse(readFileSync(valuesFile, 'utf8')) as {
  controller: { type: string };
  alloy: { mounts: { varlog: boolean }; configMap: { content: string } };
};
const config = values.alloy.configMap.content;

/** The `{ name = "value", ... }` block of an Alloy stage, as pairs. */
function stageBlock(stage: string, attribute: string): Record<string, string> {
  const start = config.indexOf(`${stage} {`);
  expect(start, `${stage} in the Alloy config`).toBeGreaterThan(-1);
  const block = config.slice(config.indexOf(`${attribute} = {`, start));
  const body = block.slice(block.indexOf('{') + 1, block.indexOf('}'));
  return Object.fromEntries(
    [...body.matchAll(/(\w+)\s*=\s*"([^"]*)"/g)].map((match) => [match[1], match[2]]),
  );
}

function aPlatformLogLine(): Record<string, unknown> {
  const lines: string[] = [];
  const logger = createStructuredLogger({
    service: 'order',
    userId: () => 'acc-1',
    destination: { write: (line: string) => void lines.push(line) },
  });
  logger
    .child({ requestId: 'req-1', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16) })
    .info({ orderId: 'o-1' }, 'order placed');
  return JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
}

describe('the log collector for Loki', () => {
  it('runs on every node and reads the kubelet log files', () => {
    expect(values.controller.type).toBe('daemonset');
    expect(values.alloy.mounts.varlog).toBe(true);
    expect(config).toMatch(/names = \["shop"\]/);
  });

  it('extracts fields a platform log line has, by their names in the line', () => {
    const line = aPlatformLogLine();
    const extracted = stageBlock('stage.json', 'expressions');
    expect(Object.values(extracted).sort()).toEqual(
      ['level', 'timestamp', 'service', 'traceId', 'spanId', 'userId', 'requestId'].sort(),
    );
    for (const field of Object.values(extracted)) expect(line).toHaveProperty(field);
    expect(Number.isNaN(Date.parse(String(line.timestamp)))).toBe(false);
  });

  it('labels streams by level and service only; request and trace ids stay out of labels', () => {
    expect(Object.keys(stageBlock('stage.labels', 'values')).sort()).toEqual(['level', 'service']);
    expect(Object.keys(stageBlock('stage.structured_metadata', 'values')).sort()).toEqual(
      ['request_id', 'span_id', 'trace_id', 'user_id'].sort(),
    );
  });
});
