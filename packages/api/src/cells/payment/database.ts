import { paymentModels } from '@shop/db/payment';
import { domainDatabase } from '../domain-database';

/** The payment cell's database (payments_db) and models. */
export const paymentDatabase = domainDatabase('payment', paymentModels);
