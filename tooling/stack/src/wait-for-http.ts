/**
 * Polls a URL until it answers with a status the caller accepts, or gives up after `timeoutMs`.
 * Used to start the platform in dependency order: database, executor, cells, apps.
 */
export async function waitForHttp(
  url: string,
  { timeoutMs = 60_000, intervalMs = 200, accept = (status: number) => status < 500 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (accept(response.status)) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms (${lastProblem})`);
}
