import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces sends `1000 / rate` ms apart. It also waits one interval before the first send, so two
 * batches run back to back never put two sends closer than one interval: the rate holds across
 * batch (step) boundaries, retries and resumed runs, which all start a new pacer.
 */
export function pacer(ratePerSecond: number): { next(): Promise<void> } {
  const interval = 1000 / ratePerSecond;
  let slot = performance.now() + interval;
  return {
    async next() {
      const wait = slot - performance.now();
      if (wait > 0) await sleep(wait);
      slot = Math.max(slot, performance.now()) + interval;
    },
  };
}
