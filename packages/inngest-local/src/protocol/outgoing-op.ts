import { z } from 'zod';

/** Opcodes an SDK (v4) may answer with in a 206 response. */
export const opcodes = {
  stepRun: 'StepRun',
  stepError: 'StepError',
  stepFailed: 'StepFailed',
  stepPlanned: 'StepPlanned',
  stepNotFound: 'StepNotFound',
  sleep: 'Sleep',
  waitForEvent: 'WaitForEvent',
  invokeFunction: 'InvokeFunction',
  runComplete: 'RunComplete',
  aiGateway: 'AIGateway',
  gateway: 'Gateway',
  waitForSignal: 'WaitForSignal',
  deferAdd: 'DeferAdd',
  deferAbort: 'DeferAbort',
  discoveryRequest: 'DiscoveryRequest',
  legacyStep: 'Step',
} as const;

/** One operation in a 206 body: a step the SDK ran, planned, or asks the executor to perform. */
export const outgoingOpSchema = z
  .object({
    id: z.string().min(1),
    op: z.string().min(1),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
    userland: z.object({ id: z.string(), index: z.number().optional() }).loose().optional(),
  })
  .loose();

export const outgoingOpsSchema = z.array(outgoingOpSchema);

export type OutgoingOp = z.infer<typeof outgoingOpSchema>;
