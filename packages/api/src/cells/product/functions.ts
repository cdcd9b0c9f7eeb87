import type { InngestFunction } from 'inngest';

/** The product cell's Inngest functions (none yet: inventory reservation comes with orders). */
export const productFunctions: InngestFunction.Any[] = [];
