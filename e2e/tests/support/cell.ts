import { type APIRequestContext, expect } from '@playwright/test';
import { cellCredentialHeaders } from './cell-credential';

/** The e2e stack's cell host (see tooling/stack/src/stack-config.ts). */
export const cellsUrl = `http://127.0.0.1:${process.env.CELLS_PORT ?? 4400}`;

/**
 * Asks a cell directly (tRPC over HTTP, bypassing the apps) so a test can check that what a page
 * shows is what the cell holds.
 */
export async function queryCell<T>(
  request: APIRequestContext,
  procedure: string,
  input?: unknown,
): Promise<T> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await request.get(`${cellsUrl}/trpc/${procedure}${query}`, {
    headers: cellCredentialHeaders(),
  });
  expect(response.status(), `${procedure} answered ${response.status()}`).toBe(200);
  const body = (await response.json()) as { result: { data: T } };
  return body.result.data;
}

export interface ProductSummary {
  slug: string;
  name: string;
  brand: string;
}

export interface ProductPage {
  items: ProductSummary[];
  totalCount: number;
}
