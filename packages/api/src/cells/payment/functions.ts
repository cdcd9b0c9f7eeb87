import type { InngestFunction } from 'inngest';
import { collectCashOnDelivery } from './functions/collect-cash-on-delivery';
import { erasePersonalData } from './functions/erase-personal-data';

/** The payment cell's Inngest functions. */
export const paymentFunctions: InngestFunction.Any[] = [collectCashOnDelivery, erasePersonalData];
