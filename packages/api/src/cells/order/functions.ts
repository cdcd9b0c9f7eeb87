import type { InngestFunction } from 'inngest';
import { compensateCancelledOrder } from './order-saga/compensate-cancelled-order';
import { orderSaga } from './order-saga/order-saga';
import {
  cancelOrderOnPaymentFailure,
  confirmOrderOnPayment,
} from './order-saga/payment-outcome-functions';
import { recordRefund } from './order-saga/record-refund';
import { sweepStaleOrders } from './order-saga/sweep-stale-orders';

/** The order cell's Inngest functions: the saga and what settles, compensates and records. */
export const orderFunctions: InngestFunction.Any[] = [
  orderSaga,
  confirmOrderOnPayment,
  cancelOrderOnPaymentFailure,
  compensateCancelledOrder,
  recordRefund,
  sweepStaleOrders,
];
