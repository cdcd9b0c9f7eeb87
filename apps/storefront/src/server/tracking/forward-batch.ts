import 'server-only';
import { cellUrlsFromEnv, createCellClient, TRPCClientError } from '@shop/api/client';
import { currentSession } from '@/auth/current-session';
import { storefrontEnv } from '@/env';
import type { BrowserEventBatch } from './event-batch';

export interface ConsentSignals {
  gpc: boolean;
  consent: 'granted' | 'denied' | 'unset';
}

export type ForwardOutcome =
  | { status: 200; body: { accepted: number; duplicates: number } }
  | { status: 400 | 503; body: { error: { message: string } } };

/**
 * Sends one checked batch to the analytics cell (inside the cluster, with the internal credential
 * like every server-side call). A signed-in shopper's access token goes along so the cell can
 * decide, from consent, whether to keep the account id; the batch itself never names an account.
 */
export async function forwardBatch(
  batch: BrowserEventBatch,
  signals: ConsentSignals,
  requestId: string,
): Promise<ForwardOutcome> {
  const session = await currentSession();
  const client = createCellClient({
    urlFor: cellUrlsFromEnv(storefrontEnv()),
    headers: () => ({
      'x-request-id': requestId,
      ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}),
    }),
  });
  try {
    // The envelope was checked here; the cell checks each event's fields (a 400 otherwise).
    const body = await client.analytics.ingestEvents.mutate({
      ...batch,
      signals,
    } as Parameters<typeof client.analytics.ingestEvents.mutate>[0]);
    return { status: 200, body };
  } catch (error) {
    if (error instanceof TRPCClientError && error.data?.httpStatus === 400) {
      return { status: 400, body: { error: { message: error.message } } };
    }
    return { status: 503, body: { error: { message: 'Events could not be stored now' } } };
  }
}
