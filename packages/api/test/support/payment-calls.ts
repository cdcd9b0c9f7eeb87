import { TRPCClientError } from '@trpc/client';
import { Types } from 'mongoose';
import { createCellClient } from '../../src/client';
import { bearer } from './http';

export type ShopClient = ReturnType<typeof createCellClient>;

/** A typed client of the host at `url`, signed in with `token` when given. */
export function clientOf(url: string, token?: string): ShopClient {
  return createCellClient({
    urlFor: () => `${url}/trpc`,
    headers: () => (token ? bearer(token) : {}),
  });
}

/** A fresh order id, as the order cell would hand the saga. */
export const newOrderId = () => new Types.ObjectId().toHexString();

let orderCounter = 0;
/** What the saga sends to start an order's payment. */
export function startRequest(
  overrides: Partial<{ amountMinor: number; method: 'card' | 'cash_on_delivery' }> = {},
) {
  orderCounter += 1;
  return {
    orderId: newOrderId(),
    number: `SO-9${String(orderCounter).padStart(5, '0')}`,
    amountMinor: 12_345,
    currency: 'EUR',
    method: 'card' as const,
    email: 'payer@example.com',
    name: 'Pat Payer',
    ...overrides,
  };
}

/** The tRPC code and message a refused call answered with. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = (error as TRPCClientError<never>).data as { code?: string } | undefined;
      return { code: data?.code ?? 'UNKNOWN', message: error.message };
    }
    throw error;
  }
  throw new Error('the call succeeded');
}
