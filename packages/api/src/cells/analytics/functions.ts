import type { InngestFunction } from 'inngest';
import { erasePersonalData } from './functions/erase-personal-data';
import { recordConversion } from './functions/record-conversion';
import { recordOrderCancellation } from './functions/record-order-cancellation';
import { recordRegistration } from './functions/record-registration';
import { rebuildRollups } from './functions/rebuild-rollups';
import { recordRefund } from './functions/record-refund';
import { recordSearch } from './functions/record-search';

/** The analytics cell's Inngest functions. */
export const analyticsFunctions: InngestFunction.Any[] = [
  recordSearch,
  recordRegistration,
  recordConversion,
  recordOrderCancellation,
  recordRefund,
  rebuildRollups,
  erasePersonalData,
];
