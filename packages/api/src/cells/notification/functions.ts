import type { InngestFunction } from 'inngest';

/** The notification cell's Inngest functions (none yet in the skeleton). */
export const notificationFunctions: InngestFunction.Any[] = [];
