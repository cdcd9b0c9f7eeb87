/**
 * Starts `send` for each item in order, each at the pacer's next slot, with at most
 * `concurrency` running at once (the SMTP pool's connections), and stops starting new ones once
 * `stopped()` says so. `between` runs after each start (the batch records what finished). Waits
 * for every started send; answers the items never started. `send` must not reject: it records
 * its own outcome.
 */
export async function sendPaced<T>(
  items: readonly T[],
  options: {
    pace: () => Promise<void>;
    concurrency: number;
    send: (item: T) => Promise<void>;
    stopped: () => boolean;
    between?: () => Promise<void>;
  },
): Promise<T[]> {
  const running = new Set<Promise<void>>();
  let at = 0;
  for (; at < items.length; at += 1) {
    while (running.size >= options.concurrency) await Promise.race(running);
    if (options.stopped()) break;
    await options.pace();
    if (options.stopped()) break;
    const task: Promise<void> = options.send(items[at]!).finally(() => running.delete(task));
    running.add(task);
    await options.between?.();
  }
  await Promise.all(running);
  return items.slice(at);
}
