import type { InngestFunction } from 'inngest';
import { expireReservationOnTime, sweepExpiredReservations } from './reservation-functions';
import { revalidateStorefront } from './revalidate-storefront';

/** The product cell's Inngest functions. */
export const productFunctions: InngestFunction.Any[] = [
  expireReservationOnTime,
  sweepExpiredReservations,
  revalidateStorefront,
];
