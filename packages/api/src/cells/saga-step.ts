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

export function defineSagaStep<Input, Result>(
  step: SagaStep<Input, Result>,
): SagaStep<Input, Result> {
  return step;
}
