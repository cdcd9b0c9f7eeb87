import type { InngestFunction } from 'inngest';
import { refreshOnProductUpdate } from './functions/refresh-index-on-product-update';
import { refreshOnRatingSummary } from './functions/refresh-index-on-rating-summary';

/** The search cell's Inngest functions. */
export const searchFunctions: InngestFunction.Any[] = [
  refreshOnProductUpdate,
  refreshOnRatingSummary,
];
