import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { assertLoopback } from './load-options';
import { notOkByCause } from './not-ok-log';
import { routeGroups, type RouteGroup } from './scenario';

const summarySchema = z.object({
  count: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
});
export type LatencySummary = z.infer<typeof summarySchema>;

/** The part of Artillery's `--output` JSON the report reads. */
const reportSchema = z.object({
  aggregate: z.object({
    counters: z.record(z.string(), z.number()).default({}),
    rates: z.record(z.string(), z.number()).default({}),
    summaries: z.record(z.string(), summarySchema.partial()).default({}),
    firstMetricAt: z.number().optional(),
    lastMetricAt: z.number().optional(),
  }),
});

export interface LoadResult {
  requests: number;
  /** Requests per second over the whole run (Artillery's request rate is per 10 s window). */
  achievedRate: number;
  overall: LatencySummary | undefined;
  byGroup: Partial<Record<RouteGroup, LatencySummary>>;
  /** `http.codes.<status>` for 4xx/5xx and `errors.<code>` (timeouts, refused connections). */
  errors: Record<string, number>;
  scenariosCompleted: number;
  scenariosFailed: number;
  /** Every non-2xx answer by group, step, status and message (not-ok-log.ts). */
  notOk: Record<string, number>;
}

/** Artillery's own CLI (its programmatic API is internal): one run, its JSON report parsed. */
export async function runArtillery(script: { config: { target: string } }, runDir: string) {
  assertLoopback(script.config.target);
  await mkdir(runDir, { recursive: true });
  const scriptPath = join(runDir, 'script.json');
  const outputPath = join(runDir, 'report.json');
  await writeFile(scriptPath, JSON.stringify(script, null, 2));
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('artillery/package.json')), 'bin', 'run');
  const log = join(runDir, 'artillery.log');
  const notOkLog = join(runDir, 'not-ok.jsonl');
  await rm(notOkLog, { force: true });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'run', '--output', outputPath, scriptPath], {
      // No telemetry home-calls from a benchmark.
      env: { ...process.env, ARTILLERY_DISABLE_TELEMETRY: 'true', LOAD_NOT_OK_LOG: notOkLog },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('exit', (code) => {
      void writeFile(log, Buffer.concat(chunks)).finally(() =>
        code === 0 ? resolve() : reject(new Error(`artillery exited with ${code}; see ${log}`)),
      );
    });
  });
  return {
    ...parseReport(JSON.parse(await readFile(outputPath, 'utf8'))),
    notOk: await notOkByCause(notOkLog),
  };
}

function parseReport(raw: unknown): Omit<LoadResult, 'notOk'> {
  const { aggregate } = reportSchema.parse(raw);
  const summary = (name: string): LatencySummary | undefined => {
    const parsed = summarySchema.safeParse(aggregate.summaries[name]);
    return parsed.success ? parsed.data : undefined;
  };
  const byGroup: LoadResult['byGroup'] = {};
  for (const group of routeGroups) {
    const found = summary(`plugins.metrics-by-endpoint.response_time.${group}`);
    if (found) byGroup[group] = found;
  }
  const errors: Record<string, number> = {};
  for (const [name, value] of Object.entries(aggregate.counters)) {
    if (/^http\.codes\.[45]\d\d$/.test(name) || name.startsWith('errors.')) errors[name] = value;
  }
  const requests = aggregate.counters['http.requests'] ?? 0;
  const seconds =
    aggregate.firstMetricAt && aggregate.lastMetricAt
      ? (aggregate.lastMetricAt - aggregate.firstMetricAt) / 1000
      : 0;
  return {
    requests,
    achievedRate: seconds > 0 ? requests / seconds : 0,
    overall: summary('http.response_time'),
    byGroup,
    errors,
    scenariosCompleted: aggregate.counters['vusers.completed'] ?? 0,
    scenariosFailed: aggregate.counters['vusers.failed'] ?? 0,
  };
}
