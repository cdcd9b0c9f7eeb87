import type { InngestFunction } from 'inngest';

/** The payment cell's Inngest functions (none yet in the skeleton). */
export const paymentFunctions: InngestFunction.Any[] = [];
