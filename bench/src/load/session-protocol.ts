import { z } from 'zod';

/**
 * The messages between `load:sessions` (sessions-main.ts) and its generator process
 * (session-generator.ts), over Node's IPC channel. The generator runs in its own process so its
 * CPU, memory and file descriptors are measured apart from the database stand-in's and the
 * platform's.
 */
const latencySummary = z.object({
  count: z.number(),
  p50: z.number(),
  p95: z.number(),
  p99: z.number(),
  max: z.number(),
});

export const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    target: z.string().url(),
    data: z.object({
      categories: z.array(z.string()),
      products: z.array(z.string()),
      skus: z.array(z.string()),
      searchWords: z.array(z.string()),
      prefixes: z.array(z.string()),
      customer: z.object({ email: z.string(), password: z.string() }),
    }),
    thinkSeconds: z.number().nonnegative(),
  }),
  /** Open sessions until `total` exist, `perSecond` new connections a second. */
  z.object({ type: z.literal('open'), total: z.number().int().positive(), perSecond: z.number() }),
  z.object({ type: z.literal('status') }),
  /** The mix: visits arriving at `rate` a second (Poisson) for `seconds`, each on an idle session. */
  z.object({ type: z.literal('mix'), rate: z.number().positive(), seconds: z.number().positive() }),
  z.object({ type: z.literal('close') }),
]);
export type Command = z.infer<typeof commandSchema>;

const connections = {
  /** Sessions whose connection is open now. */
  open: z.number(),
  /** Connections opened since the start (above the session count: some were closed and reopened). */
  connectionsOpened: z.number(),
};

export const reportSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('opened'),
    ...connections,
    sessions: z.number(),
    /** The opening request's failures, by status or error code. */
    failed: z.record(z.string(), z.number()),
    seconds: z.number(),
  }),
  z.object({ type: z.literal('status'), ...connections, sessions: z.number() }),
  z.object({
    type: z.literal('mixed'),
    ...connections,
    seconds: z.number(),
    visitsStarted: z.number(),
    /** Arrivals that found no idle session (every session in a visit). */
    visitsDropped: z.number(),
    /** Visits still running when the mix ended and waited for (at most 60 s). */
    visitsUnfinished: z.number(),
    requests: z.number(),
    overall: latencySummary,
    byGroup: z.record(z.string(), latencySummary),
    notOk: z.record(z.string(), z.number()),
    redirects: z.record(z.string(), z.number()),
    errors: z.number(),
    /** The generator's own CPU over the mix, ms, and its event-loop delay. */
    cpuMs: z.number(),
    loopDelayP99Ms: z.number(),
    loopDelayMaxMs: z.number(),
  }),
]);
export type Report = z.infer<typeof reportSchema>;
export type MixReport = Extract<Report, { type: 'mixed' }>;
