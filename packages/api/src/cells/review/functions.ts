import type { InngestFunction } from 'inngest';
import { erasePersonalData } from './functions/erase-personal-data';

/** The review cell's Inngest functions. */
export const reviewFunctions: InngestFunction.Any[] = [erasePersonalData];
