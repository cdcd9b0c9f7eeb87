/** What the order cell returns: view types and the functions that make them from documents. */
export * from './cart';
export * from './checkout';
export * from './order';
export * from './staff-settings';
export * from './cancel-link';
export * from './sales-summary';
export * from './customer-history';
