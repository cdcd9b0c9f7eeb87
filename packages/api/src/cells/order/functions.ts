import type { InngestFunction } from 'inngest';

/** The order cell's Inngest functions (none yet in the skeleton). */
export const orderFunctions: InngestFunction.Any[] = [];
