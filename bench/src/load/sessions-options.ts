import { z } from 'zod';
import type { CellLayout } from '@shop/stack';
import { loadOptions, type LoadOptions } from './load-options';

/**
 * The sessions run's options (`SESSIONS_*`), checked once, on top of the load test's own
 * (`LOAD_MODE`, `LOAD_BASE_PORT`, `LOAD_HOST`: loopback only).
 */
const sessionsSchema = z.object({
  /** Shopper sessions, each holding its own keep-alive connection to the storefront. */
  SESSIONS: z.coerce.number().int().min(1).max(60_000).default(10_000),
  /** Visits per second across all sessions (the mix's arrival rate, as `LOAD_RATE`). */
  SESSIONS_RATE: z.coerce.number().positive().max(500).default(10),
  /** Seconds of the mix, once every session is open. */
  SESSIONS_SECONDS: z.coerce.number().int().min(10).max(3_600).default(120),
  /** New connections per second while the sessions open (a ramp, not a SYN flood). */
  SESSIONS_OPEN_RATE: z.coerce.number().int().min(10).max(5_000).default(500),
  /** The sessions open in this many equal steps, each held idle while memory is read. */
  SESSIONS_STEPS: z.coerce.number().int().min(1).max(20).default(4),
  /** Seconds each step is held idle before the storefront's memory is read. */
  SESSIONS_HOLD_SECONDS: z.coerce.number().int().min(3).max(300).default(12),
});

export type SessionsOptions = z.infer<typeof sessionsSchema> &
  Omit<LoadOptions, 'LOAD_MODE'> & { layout: CellLayout };

export function sessionsOptions(env: NodeJS.ProcessEnv = process.env): SessionsOptions {
  const parsed = sessionsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`bad sessions options:\n  ${problems.join('\n  ')}`);
  }
  // The nine-host layout by default: the shape the pods run. Own ports, apart from bench:load's.
  const load = loadOptions({ LOAD_MODE: 'each', LOAD_BASE_PORT: '6100', ...env });
  if (load.LOAD_MODE === 'both') throw new Error('bad sessions options:\n  LOAD_MODE: one or each');
  return { ...load, ...parsed.data, layout: load.LOAD_MODE };
}
