import { waitFor } from '@shop/db/testing';

export interface RunView {
  run_id: string;
  function_id: string;
  status: 'Running' | 'Completed' | 'Failed' | 'Cancelled';
  output: unknown;
  event_id: string | null;
  run_started_at: string;
  ended_at: string | null;
}

/** Set when the executor under test requires its signing key for reads. */
let authorization: string | undefined;
export function useReadAuthorization(signingKey: string | undefined): void {
  authorization = signingKey ? `Bearer ${signingKey}` : undefined;
}
const readHeaders = (extra: Record<string, string> = {}): Record<string, string> =>
  authorization ? { ...extra, authorization } : extra;

export async function runsForEvent(executorUrl: string, eventId: string): Promise<RunView[]> {
  const response = await fetch(`${executorUrl}/v1/events/${eventId}/runs`, {
    headers: readHeaders(),
  });
  const body = (await response.json()) as { data: RunView[] };
  return body.data;
}

/** Waits until the event's run of `functionId` (or its only run) has ended, and returns it. */
export async function waitForRunEnd(
  executorUrl: string,
  eventId: string,
  options: { functionId?: string; timeoutMs?: number } = {},
): Promise<RunView> {
  let last: RunView | undefined;
  return waitFor(
    async () => {
      const runs = await runsForEvent(executorUrl, eventId);
      last = runs.find(
        (run) => !options.functionId || run.function_id.endsWith(options.functionId),
      );
      return last && last.status !== 'Running' ? last : undefined;
    },
    {
      what: `the run for event ${eventId} to end`,
      timeoutMs: options.timeoutMs ?? 15_000,
    },
  ).catch((error: unknown) => {
    // Say what the executor showed last, which tells a stuck run from a missing one.
    throw new Error(`${(error as Error).message}; last seen: ${JSON.stringify(last)}`);
  });
}

/** Waits until some run of a function (found through the overview) ended, and returns it. */
export async function waitForFunctionRun(
  executorUrl: string,
  functionId: string,
  options: { timeoutMs?: number; status?: RunView['status'] } = {},
): Promise<RunView> {
  return waitFor(
    async () => {
      const response = await fetch(executorUrl, {
        headers: readHeaders({ accept: 'application/json' }),
      });
      const { runs } = (await response.json()) as { runs: RunView[] };
      return runs.find(
        (candidate) =>
          candidate.function_id.endsWith(functionId) &&
          (options.status ? candidate.status === options.status : candidate.status !== 'Running'),
      );
    },
    {
      what: `an ended run of ${functionId}${options.status ? ` (${options.status})` : ''}`,
      timeoutMs: options.timeoutMs ?? 15_000,
    },
  );
}

/** Pauses a test app's function body (simulated slow work); tests wait with `waitFor`, not this. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
