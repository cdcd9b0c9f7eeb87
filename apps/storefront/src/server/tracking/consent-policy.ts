import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { storefrontEnv } from '@/env';

export type ConsentMode = 'opt-in' | 'opt-out' | 'never';

/**
 * The store's consent mode, from the analytics cell. When the cell does not answer the banner
 * asks (`opt-in`): asking when unsure never links anyone without a yes.
 */
export async function storeConsentMode(requestId: string): Promise<ConsentMode> {
  const client = createCellClient({
    urlFor: cellUrlsFromEnv(storefrontEnv()),
    headers: () => ({ 'x-request-id': requestId }),
  });
  try {
    return (await client.analytics.consentPolicy.query()).consentMode;
  } catch {
    return 'opt-in';
  }
}
