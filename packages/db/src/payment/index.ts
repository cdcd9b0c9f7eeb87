import { type Connection } from 'mongoose';
import { paymentModel } from './payment-model';

export * from './payment-model';

/** The payment domain's models, bound to the payments database connection. */
export function paymentModels(connection: Connection) {
  return { Payment: paymentModel(connection) };
}
export type PaymentModels = ReturnType<typeof paymentModels>;
