import type { InngestFunction } from 'inngest';

/** The review cell's Inngest functions (none yet in the skeleton). */
export const reviewFunctions: InngestFunction.Any[] = [];
