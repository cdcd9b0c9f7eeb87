export interface WaitForOptions {
  /** What the test waits for, in words; the timeout error starts with it. */
  what: string;
  /** Give up after this long (default 20 s: these machines are slow and shared). */
  timeoutMs?: number;
  /** Pause between checks (default 50 ms). */
  intervalMs?: number;
}

/**
 * Checks `check` until it returns something other than `undefined`, `null` or `false`, and returns
 * that. A check that throws counts as "not yet" (the thing may not exist yet); on timeout the
 * error says what was awaited, for how long, and the last thing the check threw.
 *
 * The one polling loop of the test suites: tests wait for a signal that something happened, never
 * for a fixed time.
 */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  options: WaitForOptions,
): Promise<Exclude<T, undefined | null | false>> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) {
        return value as Exclude<T, undefined | null | false>;
      }
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : `; last check threw: ${describe(lastError)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.what}${cause}`, {
        cause: lastError,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
