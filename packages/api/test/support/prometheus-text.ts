/**
 * The value of one sample in Prometheus's text format: `name{a="1",b="2"} 3`. Labels given must
 * all match (others may be present); the values of every matching sample are summed, so a
 * counter split by a label nobody asked about still reads as one number. No sample: undefined.
 */
export function sampleValue(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map(
      [...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (!Object.entries(labels).every(([key, value]) => present.get(key) === value)) continue;
    total = (total ?? 0) + Number(match[4]);
  }
  return total;
}
