import { appServerConfig } from '../config/app-server';
export interface RateLimitOptions {
  /** Requests a client may make at once (the bucket's size). */
  burst: number;
  /** Tokens added back per second (the sustained rate). */
  perSecond: number;
  /** Buckets kept at most; the least recently used is forgotten first, bounding memory. */
  maxClients?: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAtMs: number;
}

/**
 * A token bucket per client key, held in this process's memory.
 *
 * Each app replica counts on its own, so N replicas allow N times the rate: a limit that must
 * hold across replicas needs a shared store (for example Redis) behind this same interface.
 */
export class TokenBucketRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxClients: number;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.maxClients = options.maxClients ?? 10_000;
  }

  take(key: string): RateLimitDecision {
    const now = this.nowMs();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedAtMs: now };
    const refilled = ((now - bucket.updatedAtMs) / 1000) * this.options.perSecond;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + refilled);
    bucket.updatedAtMs = now;

    // Re-inserting keeps the Map in least-recently-used order, so eviction drops idle clients.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const secondsUntilOneToken = (1 - bucket.tokens) / this.options.perSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsUntilOneToken)) };
  }
}

/** Limits from `GATEWAY_RATE_LIMIT_BURST` / `GATEWAY_RATE_LIMIT_PER_SECOND` (default 100 / 20). */
export function rateLimitOptionsFromEnv(): RateLimitOptions {
  const config = appServerConfig();
  return {
    burst: config.GATEWAY_RATE_LIMIT_BURST,
    perSecond: config.GATEWAY_RATE_LIMIT_PER_SECOND,
  };
}
