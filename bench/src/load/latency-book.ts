import { messageOf } from './not-ok-log';
import type { RouteGroup } from './scenario';

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What the generator saw: latency per route group, and every non-2xx by step and status. */
export interface BookSummary {
  requests: number;
  overall: LatencySummary;
  byGroup: Partial<Record<RouteGroup, LatencySummary>>;
  /** `<group> <step> <status or error code>: <message>` → count, for every answer not 2xx. */
  notOk: Record<string, number>;
  /** 3xx answers, by step: a sign-in's redirect is one, and not an error. */
  redirects: Record<string, number>;
  /** Errors as `holds` counts them: 4xx, 5xx and no answer. */
  errors: number;
}

function summarise(values: number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/**
 * Every request's latency, kept whole (a few tens of thousands of numbers per run), so the
 * percentiles are exact rather than a histogram's buckets.
 */
export class LatencyBook {
  private readonly all: number[] = [];
  private readonly groups = new Map<RouteGroup, number[]>();
  private readonly notOk = new Map<string, number>();
  private readonly redirects = new Map<string, number>();
  private errors = 0;

  record(
    group: RouteGroup,
    step: string,
    answer: { status: number; ms: number; failure?: string; body: string },
  ): void {
    const { status, ms } = answer;
    this.all.push(ms);
    const values = this.groups.get(group) ?? [];
    if (values.length === 0) this.groups.set(group, values);
    values.push(ms);
    if (status >= 200 && status < 300) return;
    if (status >= 300 && status < 400) {
      const key = `${group} ${step} ${status}`;
      this.redirects.set(key, (this.redirects.get(key) ?? 0) + 1);
      return;
    }
    const key =
      status === 0
        ? `${group} ${step} ${answer.failure ?? 'no answer'}`
        : `${group} ${step} ${status}: ${messageOf(answer.body)}`;
    this.errors += 1;
    this.notOk.set(key, (this.notOk.get(key) ?? 0) + 1);
  }

  /** A visit that broke off on something other than an answer (its own bug): an error, no latency. */
  failVisit(group: RouteGroup, reason: string): void {
    const key = `${group} visit broke off: ${reason}`;
    this.errors += 1;
    this.notOk.set(key, (this.notOk.get(key) ?? 0) + 1);
  }

  summary(): BookSummary {
    const byGroup: BookSummary['byGroup'] = {};
    for (const [group, values] of this.groups) byGroup[group] = summarise(values);
    return {
      requests: this.all.length,
      overall: summarise(this.all),
      byGroup,
      notOk: Object.fromEntries(this.notOk),
      redirects: Object.fromEntries(this.redirects),
      errors: this.errors,
    };
  }
}
