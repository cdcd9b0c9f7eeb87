import { sagaCompensations } from '../observability/business-metrics';

/**
 * One step of a saga or background flow: its id (the Inngest step id, so a log line names it),
 * what it does, and, when it takes something that must be given back on failure, how to undo it.
 * The undo sits beside the action so the two cannot drift apart; compensation code calls
 * `step.compensate` instead of keeping its own copy.
 */
export interface SagaStep<Input, Result> {
  readonly id: string;
  readonly run: (input: Input) => Promise<Result>;
  readonly compensate?: (input: Input) => Promise<unknown>;
}

/** A step that takes something: its `compensate` is always there, so callers need no check. */
export interface CompensableSagaStep<Input, Result, Undone = unknown> extends SagaStep<
  Input,
  Result
> {
  readonly compensate: (input: Input) => Promise<Undone>;
}

export function defineSagaStep<Input, Result, Undone>(
  step: CompensableSagaStep<Input, Result, Undone>,
): CompensableSagaStep<Input, Result, Undone>;
export function defineSagaStep<Input, Result>(
  step: SagaStep<Input, Result>,
): SagaStep<Input, Result>;
export function defineSagaStep<Input, Result>(
  step: SagaStep<Input, Result>,
): SagaStep<Input, Result> {
  const { compensate } = step;
  if (!compensate) return step;
  // Every undo is counted (shop_saga_compensations_total), whichever code path calls it.
  return {
    ...step,
    compensate: async (input: Input) => {
      try {
        const undone = await compensate(input);
        sagaCompensations.labels(step.id, 'done').inc();
        return undone;
      } catch (error) {
        sagaCompensations.labels(step.id, 'error').inc();
        throw error;
      }
    },
  };
}
