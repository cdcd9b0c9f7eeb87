import type { InngestFunction } from 'inngest';

/** The user cell's Inngest functions (none yet in the skeleton). */
export const userFunctions: InngestFunction.Any[] = [];
