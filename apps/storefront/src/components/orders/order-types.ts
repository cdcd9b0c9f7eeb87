import type { RouterOutputs } from '@shop/api/client';

/** An order as the order cell answers it (`order.get`): the account's and the tracking pages. */
export type OrderDetailView = RouterOutputs['order']['get'];
export type OrderLineView = OrderDetailView['lines'][number];
export type OrderHistoryView = OrderDetailView['history'][number];
export type OrderAddressView = NonNullable<OrderDetailView['shippingAddress']>;

/** One order of the account's history (`order.list`). */
export type OrderSummaryView = RouterOutputs['order']['list']['items'][number];
