import { orderModels } from '@shop/db/order';
import { domainDatabase } from '../domain-database';

/** orders_db with the order domain's models: only the order cell opens it. */
export const orderDatabase = domainDatabase('order', orderModels);
