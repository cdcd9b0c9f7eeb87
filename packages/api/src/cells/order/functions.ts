import type { InngestFunction } from 'inngest';
import { cancelOrderOnPaymentFailure } from './functions/cancel-order-on-payment-failure';
import { compensateCancelledOrder } from './functions/compensate-cancelled-order';
import { confirmOrderOnPayment } from './functions/confirm-order-on-payment';
import { erasePersonalData } from './functions/erase-personal-data';
import { orderSaga } from './functions/order-saga';
import { recordRefund } from './functions/record-refund';
import { refreshSkuProjection } from './functions/refresh-sku-projection';
import { sweepStaleOrders } from './functions/sweep-stale-orders';

/**
 * The order cell's Inngest functions: the saga and what settles, compensates, records and erases,
 * and the refresh of carts' catalog projection.
 */
export const orderFunctions: InngestFunction.Any[] = [
  orderSaga,
  confirmOrderOnPayment,
  cancelOrderOnPaymentFailure,
  compensateCancelledOrder,
  recordRefund,
  sweepStaleOrders,
  erasePersonalData,
  refreshSkuProjection,
];
