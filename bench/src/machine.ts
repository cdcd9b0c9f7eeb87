import { cpus, totalmem } from 'node:os';

/** One line naming the machine a figure was measured on, for docs/benchmarks.md. */
export function describeMachine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return `${cpus().length} cores (${cpu}), ${memoryGiB} GiB, Node ${process.version}, ${process.platform}`;
}
