import { loadavg } from 'node:os';
import { sampleEventLoopLag, type EventLoopLag } from './cell-metrics';
import type { LoadData } from './load-data';
import type { LoadStack } from './load-stack';
import { sampleProcesses, type ProcessUsage } from './process-sampler';
import { runArtillery, type LoadResult } from './run-artillery';
import { artilleryScript } from './scenario';

export interface Measurement {
  rate: number;
  seconds: number;
  result: LoadResult;
  processes: ProcessUsage[];
  eventLoop: EventLoopLag[];
  /** 1-minute load average at the start and end: the machine is shared. */
  loadAverage: { start: number; end: number };
}

const oneMinuteLoad = () => Number(loadavg()[0]!.toFixed(1));

/** Every process of the stack, by name (the load generator too: it shares the machine). */
export function stackProcesses(stack: LoadStack) {
  return () => [
    ...stack.cellHosts.map((host) => ({ name: host.name, pid: host.pid() })),
    { name: 'executor', pid: stack.executor.pid() },
    { name: 'storefront', pid: stack.storefront.pid() },
  ];
}

/** One run at a fixed arrival rate, with CPU, RSS and event-loop lag sampled throughout. */
export async function measureLoad(
  stack: LoadStack,
  data: LoadData,
  {
    rate,
    seconds,
    runDir,
    thinkSeconds = 1,
  }: { rate: number; seconds: number; runDir: string; thinkSeconds?: number },
): Promise<Measurement> {
  const start = oneMinuteLoad();
  const processes = sampleProcesses(stackProcesses(stack));
  const lag = sampleEventLoopLag(stack.cellHosts, stack.cellHeaders);
  const result = await runArtillery(
    artilleryScript({ target: stack.storefrontUrl, rate, seconds, data, thinkSeconds }),
    runDir,
  );
  return {
    rate,
    seconds,
    result,
    processes: await processes.stop(),
    eventLoop: await lag.stop(),
    loadAverage: { start, end: oneMinuteLoad() },
  };
}

/** Fills caches, JIT and connection pools before anything is measured. */
export async function warmUp(stack: LoadStack, data: LoadData, runDir: string): Promise<void> {
  await runArtillery(
    artilleryScript({ target: stack.storefrontUrl, rate: 2, seconds: 15, data, thinkSeconds: 0 }),
    runDir,
  );
}

/** Held: p95 under 500 ms and no errors (no 4xx/5xx, no timeouts, no failed scenarios). */
export function holds(measurement: Measurement): boolean {
  const errorCount = Object.values(measurement.result.errors).reduce((sum, n) => sum + n, 0);
  return (
    (measurement.result.overall?.p95 ?? Infinity) < 500 &&
    errorCount === 0 &&
    measurement.result.scenariosFailed === 0
  );
}
