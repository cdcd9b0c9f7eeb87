/**
 * Event-loop lag of each cell host, from its /metrics (prom-client's default
 * `nodejs_eventloop_lag_p99_seconds`, which prom-client resets at each scrape, so each reading
 * covers the time since the previous one). Sampled every few seconds while the load runs; the
 * report gives the worst and the median reading per host.
 */
export interface EventLoopLag {
  name: string;
  worstP99Ms: number;
  medianP99Ms: number;
  readings: number;
}

export async function readLagMs(
  url: string,
  headers: Record<string, string>,
): Promise<number | undefined> {
  return (await readHostMetrics(url, headers)).lagMs;
}

export interface HostMetrics {
  lagMs?: number;
  /** V8's heap in use (prom-client's `nodejs_heap_size_used_bytes`), MiB. */
  heapUsedMiB?: number;
  /** What V8 has reserved for its heap, in use or not (`nodejs_heap_size_total_bytes`), MiB. */
  heapTotalMiB?: number;
  /** Memory outside the heap that JavaScript objects hold (Buffers and the like), MiB. */
  externalMiB?: number;
}

/**
 * One scrape of a host's /metrics: its event-loop lag and how much of its memory is JavaScript's.
 * A resident set that grows while the heap in use stays flat is the allocator or the heap's
 * reserve, not objects kept alive: the soak reports both to tell them apart.
 */
export async function readHostMetrics(
  url: string,
  headers: Record<string, string>,
): Promise<HostMetrics> {
  const text = await fetch(`${url}/metrics`, { headers, signal: AbortSignal.timeout(3_000) })
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '');
  const read = (metric: string) => {
    const match = new RegExp(`^${metric}(?:\\{[^}]*\\})? ([\\d.e+-]+)$`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const mebibytes = (bytes: number | undefined) =>
    bytes === undefined ? undefined : bytes / 1_048_576;
  const lagSeconds = read('nodejs_eventloop_lag_p99_seconds');
  return {
    lagMs: lagSeconds === undefined ? undefined : lagSeconds * 1000,
    heapUsedMiB: mebibytes(read('nodejs_heap_size_used_bytes')),
    heapTotalMiB: mebibytes(read('nodejs_heap_size_total_bytes')),
    externalMiB: mebibytes(read('nodejs_external_memory_bytes')),
  };
}

export function sampleEventLoopLag(
  hosts: { name: string; url: string }[],
  headers: Record<string, string>,
  everyMs = 5_000,
) {
  const readings = new Map<string, number[]>(hosts.map((host) => [host.name, []]));
  const tick = async () => {
    await Promise.all(
      hosts.map(async (host) => {
        const lag = await readLagMs(host.url, headers);
        if (lag !== undefined) readings.get(host.name)!.push(lag);
      }),
    );
  };
  // The first scrape only resets the histogram (it covers the time before the load).
  void tick().then(() => readings.forEach((list) => list.splice(0)));
  const timer = setInterval(() => void tick(), everyMs);
  return {
    async stop(): Promise<EventLoopLag[]> {
      clearInterval(timer);
      await tick();
      return [...readings.entries()].map(([name, list]) => {
        const sorted = [...list].sort((a, b) => a - b);
        return {
          name,
          worstP99Ms: sorted.at(-1) ?? 0,
          medianP99Ms: sorted[Math.floor(sorted.length / 2)] ?? 0,
          readings: list.length,
        };
      });
    },
  };
}
