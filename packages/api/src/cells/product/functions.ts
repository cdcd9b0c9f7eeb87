import type { InngestFunction } from 'inngest';
import { applyCsvImport } from './functions/apply-csv-import';
import { revalidateStorefront } from './functions/revalidate-storefront';
import { sweepExpiredReservations } from './functions/sweep-expired-reservations';

/** The product cell's Inngest functions. */
export const productFunctions: InngestFunction.Any[] = [
  sweepExpiredReservations,
  revalidateStorefront,
  applyCsvImport,
];
