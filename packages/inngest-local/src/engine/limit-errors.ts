import type { SerializedError } from './app-caller';

/*
 * The errors the real engine ends a run with when it breaks a limit, same names and messages
 * (inngest/inngest `pkg/execution/state/state.go`, `pkg/execution/executor/validate.go` and
 * `validateStateSize` in `executor.go`). Neither is retried there: the run fails at once.
 */

export function stepLimitError(limit: number): SerializedError {
  return {
    name: 'InngestErrFunctionOverflowed',
    message: `The function run exceeded the step limit of ${limit} steps.`,
  };
}

export function stateOverflowError(limit: number): SerializedError {
  return {
    name: 'InngestErrStateOverflowed',
    message: `The function run exceeded the state size limit of ${limit} bytes.`,
  };
}

/** Would recording this step output take the run over the state limit? */
export function overflowsState(
  run: { stateBytes?: number },
  output: unknown,
  limit: number,
): boolean {
  const size = Buffer.byteLength(JSON.stringify({ data: output ?? null }));
  return (run.stateBytes ?? 0) + size > limit;
}
