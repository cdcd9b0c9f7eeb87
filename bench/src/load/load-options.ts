import { z } from 'zod';
import { cellLayoutSchema } from '@shop/stack';

/**
 * The load test's options, from the environment (`LOAD_*`), checked once. Every address the test
 * starts or drives is on loopback: a target elsewhere is refused, so a typo cannot aim the load at
 * someone else's server.
 */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

const optionsSchema = z.object({
  /** New shopper sessions per second (the open model's arrival rate). */
  LOAD_RATE: z.coerce.number().positive().max(2_000).default(10),
  /** Seconds of load per run (warm-up not included). */
  LOAD_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  /** `one` host for every cell, `each` cell in its own host, or `both` in turn. */
  LOAD_MODE: z.union([cellLayoutSchema, z.literal('both')]).default('both'),
  /** Search for the highest rate holding p95 < 500 ms and no errors (a short step search). */
  LOAD_SEARCH: z
    .enum(['0', '1'])
    .default('0')
    .transform((flag) => flag === '1'),
  /** The first port of the load stack's block (about 20 ports: storefront, cells, ...). */
  LOAD_BASE_PORT: z.coerce.number().int().min(1_024).max(65_000).default(5_700),
  LOAD_HOST: z
    .string()
    .default('127.0.0.1')
    .refine((host) => loopbackHosts.has(host), {
      message: 'must be a loopback address (127.0.0.1, localhost or ::1): the load stays local',
    }),
});

export type LoadOptions = z.infer<typeof optionsSchema>;

export function loadOptions(env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const parsed = optionsSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`bad load options:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** Refuses any URL whose host is not loopback (the artillery target, the stack's parts). */
export function assertLoopback(url: string): string {
  const { hostname } = new URL(url);
  if (!loopbackHosts.has(hostname)) throw new Error(`refusing non-loopback address ${url}`);
  return url;
}
