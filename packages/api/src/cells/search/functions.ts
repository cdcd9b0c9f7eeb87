import type { InngestFunction } from 'inngest';
import { refreshOnProductUpdate } from './functions/refresh-index-on-product-update';

/** The search cell's Inngest functions. */
export const searchFunctions: InngestFunction.Any[] = [refreshOnProductUpdate];
