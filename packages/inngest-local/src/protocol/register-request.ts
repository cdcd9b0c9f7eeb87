import { z } from 'zod';

const eventTrigger = z.object({
  event: z.string().min(1),
  expression: z.string().optional(),
});
const cronTrigger = z.object({
  cron: z.string().min(1),
  jitter: z.string().optional(),
});

const functionConfig = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    triggers: z.array(z.union([eventTrigger, cronTrigger])),
    steps: z.record(
      z.string(),
      z
        .object({
          id: z.string(),
          name: z.string().optional(),
          runtime: z.object({ type: z.string(), url: z.string().min(1) }).loose(),
          retries: z.object({ attempts: z.number().int().min(0).optional() }).optional(),
        })
        .loose(),
    ),
    idempotency: z.string().optional(),
    batchEvents: z
      .object({
        maxSize: z.number().int().min(1).max(10_000),
        timeout: z.string().min(1),
        key: z.string().optional(),
        if: z.string().optional(),
      })
      .optional(),
    cancel: z
      .array(
        z.object({
          event: z.string().min(1),
          if: z.string().optional(),
          timeout: z.string().optional(),
        }),
      )
      .optional(),
  })
  // Flow-control options (concurrency, throttle, debounce, ...) are accepted and reported as
  // ignored rather than rejected, so the same app syncs here and with a real server.
  .loose();

/** The body an SDK POSTs to `/fn/register` after a `PUT` to its serve endpoint. */
export const registerRequestSchema = z
  .object({
    url: z.string().min(1),
    appName: z.string().min(1),
    deployType: z.string().optional(),
    framework: z.string().optional(),
    sdk: z.string().optional(),
    v: z.string().optional(),
    appVersion: z.string().optional(),
    functions: z.array(functionConfig),
  })
  .loose();

export type RegisterRequest = z.infer<typeof registerRequestSchema>;
export type FunctionConfig = z.infer<typeof functionConfig>;

/** Function options this executor accepts in a sync but does not enforce. */
export const ignoredFunctionOptions = [
  'concurrency',
  'throttle',
  'debounce',
  'rateLimit',
  'priority',
  'singleton',
  'timeouts',
] as const;
