import { type Connection } from 'mongoose';
import { orderModel } from './order-model';

export * from './order-statuses';
export * from './order-model';

/** The order domain's models, bound to the orders database connection. */
export function orderModels(connection: Connection) {
  return { Order: orderModel(connection) };
}
export type OrderModels = ReturnType<typeof orderModels>;
