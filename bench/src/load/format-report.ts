import type { Measurement } from './measure-load';
import { routeGroups } from './scenario';

const ms = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value)}`);

/** One measurement as Markdown tables, ready for docs/benchmarks.md. */
export function formatMeasurement(title: string, m: Measurement): string {
  const { result } = m;
  const lines = [
    `### ${title}: ${m.rate} arrivals/s for ${m.seconds} s`,
    '',
    `Achieved ${result.achievedRate.toFixed(1)} requests/s (${result.requests} requests), ` +
      `scenarios ${result.scenariosCompleted} completed / ${result.scenariosFailed} failed; ` +
      `load average ${m.loadAverage.start} at start, ${m.loadAverage.end} at end.`,
    '',
    '| route group | requests | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...routeGroups.map((group) => {
      const s = result.byGroup[group];
      return `| ${group} | ${s?.count ?? 0} | ${ms(s?.p50)} | ${ms(s?.p95)} | ${ms(s?.p99)} | ${ms(s?.max)} |`;
    }),
    `| **all** | ${result.overall?.count ?? 0} | ${ms(result.overall?.p50)} | ${ms(result.overall?.p95)} | ${ms(result.overall?.p99)} | ${ms(result.overall?.max)} |`,
    '',
    `Errors: ${
      Object.entries(result.errors)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ') || 'none'
    }`,
    '',
    'Non-2xx answers by cause (group, method, step, status: message):',
    '',
    ...(Object.keys(result.notOk).length === 0
      ? ['- none']
      : Object.entries(result.notOk)
          .sort(([, a], [, b]) => b - a)
          .map(([cause, count]) => `- ${count} × ${cause}`)),
    '',
    // CPU per request of the whole mix is what the capacity model (infra/k8s/capacity) takes.
    '| process | CPU (cores) | CPU ms per request | peak RSS MiB | event-loop lag p99 ms (median / worst reading) |',
    '|---|---:|---:|---:|---:|',
    ...m.processes.map((p) => {
      const lag = m.eventLoop.find((entry) => entry.name === p.name);
      const lagText = lag ? `${lag.medianP99Ms.toFixed(0)} / ${lag.worstP99Ms.toFixed(0)}` : '-';
      const perRequestMs = result.achievedRate > 0 ? (p.cpuCores / result.achievedRate) * 1000 : 0;
      return `| ${p.name} | ${p.cpuCores.toFixed(3)} | ${perRequestMs.toFixed(2)} | ${p.peakRssMiB.toFixed(0)} | ${lagText} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
