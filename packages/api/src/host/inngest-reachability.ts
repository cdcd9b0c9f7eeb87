import { envValue } from '@shop/env';
import type { CellDefinition } from '../cells/cell-definition';
import { hostConfig, hostEnv } from '../config/host';

/** Where the SDK sends events when no INNGEST_BASE_URL is set: Inngest Cloud. */
export const inngestCloudEventUrl = 'https://inn.gs';

const probeTimeoutMs = 2_000;

/**
 * Whether the Inngest engine answers at `url` at all: any HTTP status counts (the engines differ
 * in what they serve at their root), only no answer does not. Null when it answered, else why not
 * (connection refused, a name that does not resolve, no answer within 2 s).
 */
export async function inngestUnreachable(url: string): Promise<string | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(probeTimeoutMs) });
    await response.body?.cancel();
    return null;
  } catch (error) {
    if (!(error instanceof Error)) return String(error);
    // fetch reports the network error as its cause ("connect ECONNREFUSED ...").
    return error.cause instanceof Error ? error.cause.message : error.message;
  }
}

/**
 * The engine a production host must have reached before it is ready: INNGEST_BASE_URL, else
 * Inngest Cloud's event address, when a hosted cell has Inngest functions. None outside
 * production (tests and `pnpm dev` start their engine themselves, or run without one).
 */
export function defaultInngestReadinessUrl(
  cells: readonly CellDefinition[],
  env: NodeJS.ProcessEnv = hostEnv(),
  baseUrl: string | undefined = hostConfig().INNGEST_BASE_URL,
): string | false {
  if (!envValue.isProductionRuntime(env)) return false;
  if (!cells.some((cell) => cell.functions.length > 0)) return false;
  return baseUrl ?? inngestCloudEventUrl;
}
