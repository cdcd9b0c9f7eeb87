import type { InngestFunction } from 'inngest';

/** The auth cell's Inngest functions (none yet; registration sends `auth/user.registered`). */
export const authFunctions: InngestFunction.Any[] = [];
