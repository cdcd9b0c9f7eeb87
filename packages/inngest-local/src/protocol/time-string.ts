const unitMs: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const durationPattern = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d|w))+$/;
const durationPart = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g;

/**
 * Parses an Inngest time string (`"1h30m"`, `"1.5s"`, `"300ms"`, `"2d"`), the form the SDK sends
 * for sleeps, wait timeouts and cancellation windows. Returns milliseconds, or `undefined` when the
 * text is not a time string.
 */
export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (!durationPattern.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(durationPart)) {
    total += Number(amount) * (unitMs[unit ?? ''] ?? 0);
  }
  return total;
}

/**
 * When a sleep or timeout given as a time string or as an ISO 8601 date (`step.sleepUntil`) ends.
 * Throws on anything else so a malformed op fails loudly instead of sleeping forever.
 */
export function resolveDeadline(text: string, nowMs: number): Date {
  const durationMs = parseDurationMs(text);
  if (durationMs !== undefined) return new Date(nowMs + durationMs);
  const absolute = Date.parse(text);
  if (Number.isNaN(absolute)) throw new Error(`not a time string or ISO date: "${text}"`);
  return new Date(absolute);
}

/**
 * `Retry-After` as the SDK writes it: whole seconds (`RetryAfterError` with a duration) or an ISO
 * date (`RetryAfterError` with a `Date`); an HTTP date is accepted too. Returns a delay in ms.
 */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return clampRetryAfter(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : clampRetryAfter(at - nowMs);
}

/** The engine keeps a retry between 1 s and 24 h away (`httpdriver/parse.go`, `consts.go`). */
function clampRetryAfter(ms: number): number {
  return Math.min(Math.max(ms, 1_000), 24 * 60 * 60_000);
}
