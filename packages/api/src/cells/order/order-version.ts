import type { StoredOrder } from './views';

export type VersionedOrder = Pick<StoredOrder, 'status' | 'history' | 'payment' | 'waitingOn'> & {
  updatedAt?: Date;
};

/**
 * What a shopper's page follows on an order, as one opaque text: it changes with every write
 * (`updatedAt`) and with what the pay page shows (status, pay form, a cell the saga waits for),
 * so two writes within one millisecond still make a new version.
 */
export function orderVersion(order: VersionedOrder): string {
  return [
    order.updatedAt ? new Date(order.updatedAt).getTime().toString(36) : '0',
    order.status,
    order.history?.length ?? 0,
    order.payment?.clientSecret ? 'p' : '',
    order.waitingOn?.service ?? '',
  ].join('.');
}
