import 'server-only';
import { cellUrlsFromEnv, createCellClient } from '@shop/api/client';
import { headers } from 'next/headers';
import { cache } from 'react';
import { requestIdFrom } from '@shop/api/gateway';
import { storefrontEnv } from '@/env';

/**
 * The request id of the page being rendered: the incoming `x-request-id` when well-formed, else
 * a new one. `cache` makes it one id per render, shared by every cell call the page makes.
 */
export const currentRequestId = cache(async (): Promise<string> => requestIdFrom(await headers()));

/**
 * The typed client for server components: calls go straight to the cells (inside the cluster),
 * carrying the page's request id so a page view can be followed through every cell's logs.
 */
export const cells = cache(() =>
  createCellClient({
    urlFor: cellUrlsFromEnv(storefrontEnv()),
    headers: async () => ({ 'x-request-id': await currentRequestId() }),
  }),
);
