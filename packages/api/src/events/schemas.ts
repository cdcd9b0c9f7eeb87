/**
 * Every event that crosses cells, named `domain/thing.happened`. Each domain's events live in
 * `cells/<domain>/events.ts`, next to nothing else, so the cell that sends them owns one file and
 * any cell can import the whole set from here without loading another cell's code.
 * Each cell's Inngest app uses these same definitions as triggers and when sending, so sender and
 * receiver agree on shapes. Inngest rejects schemas with transforms, so these are plain shapes.
 */
import { userRegistered } from '../cells/auth/events';
import { orderCreated } from '../cells/order/events';
import { productUpdated } from '../cells/product/events';
import { searchPerformed } from '../cells/search/events';

export * from '../cells/auth/events';
export * from '../cells/order/events';
export * from '../cells/payment/events';
export * from '../cells/product/events';
export * from '../cells/search/events';
export * from '../cells/user/events';
export * from '../cells/review/events';
export * from '../cells/notification/events';

export const shopEvents = { userRegistered, orderCreated, searchPerformed, productUpdated };
