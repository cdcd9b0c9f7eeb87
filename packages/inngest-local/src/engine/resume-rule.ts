import type { EngineParts } from './engine-parts';
import type { MemoEntry } from './run-state';

/** The SDK marks steps inside `group.parallel({ mode: 'race' }, ...)` with this `opts.parallelMode`. */
export const raceMode = 'race';

/**
 * When a step ends, is the function called again? The real engine's rule
 * (inngest/inngest `pkg/execution/executor/executor.go`, `shouldEnqueueDiscovery`): only once no
 * parallel step is pending, unless the step that ended is in race mode.
 */
export function shouldCallAgain(pendingLeft: boolean, parallelMode: string | undefined): boolean {
  return !pendingLeft || parallelMode === raceMode;
}

/** Records a step's end and calls the function again when the real engine would. */
export async function endStep(
  parts: Pick<EngineParts, 'state' | 'queue'>,
  runId: string,
  hash: string,
  entry: MemoEntry,
  parallelMode: string | undefined,
): Promise<boolean> {
  const { recorded, pendingLeft } = await parts.state.settle(runId, hash, entry);
  if (shouldCallAgain(pendingLeft, parallelMode)) await parts.queue.requestDiscover(runId);
  return recorded;
}

/** `opts.parallelMode` of an op, when it is a string. */
export function parallelModeOf(
  opts: Record<string, unknown> | null | undefined,
): string | undefined {
  const mode = opts?.parallelMode;
  return typeof mode === 'string' ? mode : undefined;
}
