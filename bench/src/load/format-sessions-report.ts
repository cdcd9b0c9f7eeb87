import type { EventLoopLag } from './cell-metrics';
import type { ProcessUsage } from './process-sampler';
import { routeGroups } from './scenario';
import type { MixReport } from './session-protocol';
import type { SessionsOptions } from './sessions-options';
import { slope } from './trend';

/** One idle step: so many sessions open, nothing requested, what the processes hold. */
export interface IdleStep {
  sessions: number;
  /** Connections the kernel has established to the storefront's port. */
  established: number;
  storefrontRssMiB: number;
  storefrontFds: number;
  generatorRssMiB: number;
  generatorFds: number;
  loadAverage: number;
}

export interface SessionsRun {
  options: SessionsOptions;
  visitGapSeconds: number;
  keepAliveMs: number;
  steps: IdleStep[];
  openSeconds: number;
  openFailures: Record<string, number>;
  mixed: MixReport;
  /** Connections established to the storefront, read every 5 s through the mix. */
  establishedDuringMix: number[];
  processes: ProcessUsage[];
  eventLoop: EventLoopLag[];
  loadAverage: { start: number; end: number };
  databaseKind: string;
}

const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value)}`);
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name}: ${count}`)
    .join('; ') || 'none';

/** KiB of RSS per connection: the slope of RSS against connections over the idle steps. */
function kibPerConnection(
  steps: IdleStep[],
  rss: (step: IdleStep) => number,
  x: (step: IdleStep) => number,
) {
  return slope(steps.map((step) => ({ x: x(step), y: rss(step) * 1024 })));
}

/**
 * The run as Markdown for docs/benchmarks.md, and whether it held: p95 under 500 ms, no errors,
 * no arrival without an idle session, and every session's connection still open at every reading.
 */
export function formatSessionsReport(run: SessionsRun): { text: string; held: boolean } {
  const { options, mixed, steps } = run;
  const first = steps[0]!;
  const last = steps.at(-1)!;
  const storefrontKiB = kibPerConnection(
    steps,
    (s) => s.storefrontRssMiB,
    (s) => s.established,
  );
  const generatorKiB = kibPerConnection(
    steps,
    (s) => s.generatorRssMiB,
    (s) => s.sessions,
  );
  const lowestOpen = Math.min(...run.establishedDuringMix);
  const generatorCpu = mixed.cpuMs / mixed.seconds / 1000;
  const held =
    mixed.overall.p95 < 500 &&
    mixed.errors === 0 &&
    mixed.visitsDropped === 0 &&
    Object.keys(run.openFailures).length === 0 &&
    lowestOpen >= options.SESSIONS;
  const lines = [
    `### ${options.SESSIONS} sessions at ${options.SESSIONS_RATE} visits/s, ${options.layout === 'one' ? 'all cells in one host' : 'each cell in its own host'} (${run.databaseKind})`,
    '',
    `Think time: each session visits every ${run.visitGapSeconds.toFixed(0)} s on average ` +
      `(${options.SESSIONS} sessions ÷ ${options.SESSIONS_RATE} visits/s), 1 s between a visit's steps; ` +
      `storefront KEEP_ALIVE_TIMEOUT ${Math.round(run.keepAliveMs / 1000)} s (longer than the run).`,
    `Opening: ${options.SESSIONS} connections in ${run.openSeconds.toFixed(1)} s ` +
      `(${options.SESSIONS_OPEN_RATE}/s asked), failures: ${list(run.openFailures)}.`,
    '',
    '**Idle connections** (each opened by one request to /healthz, then held):',
    '',
    '| sessions | established | storefront RSS MiB | storefront fds | generator RSS MiB | generator fds | load |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...steps.map(
      (s) =>
        `| ${s.sessions} | ${s.established} | ${s.storefrontRssMiB.toFixed(0)} | ${s.storefrontFds} | ${s.generatorRssMiB.toFixed(0)} | ${s.generatorFds} | ${s.loadAverage} |`,
    ),
    '',
    `Memory per open connection (slope over the steps): storefront ${storefrontKiB.toFixed(1)} KiB ` +
      `(${(last.storefrontRssMiB - first.storefrontRssMiB).toFixed(0)} MiB for ${last.established - first.established} connections), ` +
      `generator ${generatorKiB.toFixed(1)} KiB per session.`,
    '',
    `**The mix** for ${mixed.seconds.toFixed(0)} s: ${mixed.visitsStarted} visits started ` +
      `(${(mixed.visitsStarted / mixed.seconds).toFixed(1)}/s), ${mixed.visitsDropped} found no idle session, ` +
      `${mixed.visitsUnfinished} unfinished; ${mixed.requests} requests, ` +
      `${(mixed.requests / mixed.seconds).toFixed(1)} requests/s; load average ${run.loadAverage.start} at start, ${run.loadAverage.end} at end.`,
    `Connections established to the storefront through the mix (every 5 s): lowest ${lowestOpen}, ` +
      `last ${run.establishedDuringMix.at(-1)}; the generator: ${mixed.open} open, ${mixed.connectionsOpened} opened in all ` +
      `(${mixed.connectionsOpened - options.SESSIONS} reopened).`,
    '',
    '| route group | requests | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...routeGroups.map((group) => {
      const s = mixed.byGroup[group];
      return `| ${group} | ${s?.count ?? 0} | ${ms(s?.p50)} | ${ms(s?.p95)} | ${ms(s?.p99)} | ${ms(s?.max)} |`;
    }),
    `| **all** | ${mixed.overall.count} | ${ms(mixed.overall.p50)} | ${ms(mixed.overall.p95)} | ${ms(mixed.overall.p99)} | ${ms(mixed.overall.max)} |`,
    '',
    `Errors (${mixed.errors}): ${list(mixed.notOk)}. Redirects (not errors): ${list(mixed.redirects)}.`,
    '',
    '| process | CPU (cores) | CPU ms per request | peak RSS MiB | event-loop lag p99 ms (median / worst) |',
    '|---|---:|---:|---:|---:|',
    ...run.processes.map((p) => {
      const lag = run.eventLoop.find((entry) => entry.name === p.name);
      const lagText = lag ? `${lag.medianP99Ms.toFixed(0)} / ${lag.worstP99Ms.toFixed(0)}` : '-';
      const perRequest = (p.cpuCores * 1000 * mixed.seconds) / Math.max(1, mixed.requests);
      return `| ${p.name} | ${p.cpuCores.toFixed(2)} | ${perRequest.toFixed(1)} | ${p.peakRssMiB.toFixed(0)} | ${lagText} |`;
    }),
    '',
    `Generator (its own reading): ${generatorCpu.toFixed(2)} cores over the mix, ` +
      `${(mixed.cpuMs / Math.max(1, mixed.requests)).toFixed(2)} ms CPU per request, event-loop delay p99 ` +
      `${mixed.loopDelayP99Ms.toFixed(0)} ms (max ${mixed.loopDelayMaxMs.toFixed(0)} ms).`,
    '',
    held
      ? `**Held**: p95 ${ms(mixed.overall.p95)} ms, no errors, every session's connection open throughout.`
      : `**Not held**: p95 ${ms(mixed.overall.p95)} ms, ${mixed.errors} errors, ${mixed.visitsDropped} arrivals without an idle session, lowest open ${lowestOpen} of ${options.SESSIONS}.`,
    '',
  ];
  return { text: lines.join('\n'), held };
}
