/**
 * Reads counts out of a Prometheus text exposition: for a counter or a histogram's `_count`, the
 * sum of the samples per value of one label. Benchmarks diff two scrapes to say how many calls of
 * each kind one unit of work (an order) made.
 */
export function countsByLabel(
  exposition: string,
  metric: string,
  label: string,
  filter: (labels: Record<string, string>) => boolean = () => true,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${metric}{`)) continue;
    const close = line.lastIndexOf('}');
    const labels: Record<string, string> = {};
    for (const match of line.slice(metric.length + 1, close).matchAll(/(\w+)="([^"]*)"/g)) {
      labels[match[1]!] = match[2]!;
    }
    if (!filter(labels)) continue;
    const key = labels[label] ?? '';
    counts.set(key, (counts.get(key) ?? 0) + Number(line.slice(close + 1).trim()));
  }
  return counts;
}

/** `after - before` per key, divided by `per` and rounded to 2 decimals; zero rows left out. */
export function perUnit(
  before: Map<string, number>,
  after: Map<string, number>,
  per: number,
): Record<string, number> {
  const rows: [string, number][] = [];
  for (const [key, value] of after) {
    const delta = value - (before.get(key) ?? 0);
    if (delta > 0) rows.push([key, Number((delta / per).toFixed(2))]);
  }
  return Object.fromEntries(rows.sort((a, b) => b[1] - a[1]));
}
