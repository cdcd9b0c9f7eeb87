/**
 * Every event that crosses cells, named `domain/thing.happened`. Each domain's events live in
 * `domains/<domain>-events.ts`, next to nothing else, so the cell that sends them owns one file.
 * Each cell's Inngest app uses these same definitions as triggers and when sending, so sender and
 * receiver agree on shapes. Inngest rejects schemas with transforms, so these are plain shapes.
 */
import { userRegistered } from './domains/auth-events';
import { orderCreated } from './domains/order-events';
import { productUpdated } from './domains/product-events';
import { searchPerformed } from './domains/search-events';

export * from './domains/auth-events';
export * from './domains/order-events';
export * from './domains/payment-events';
export * from './domains/product-events';
export * from './domains/search-events';

export const shopEvents = { userRegistered, orderCreated, searchPerformed, productUpdated };
