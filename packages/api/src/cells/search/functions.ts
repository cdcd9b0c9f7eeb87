import type { InngestFunction } from 'inngest';

/** The search cell's Inngest functions (none yet: issue 4 adds index maintenance). */
export const searchFunctions: InngestFunction.Any[] = [];
