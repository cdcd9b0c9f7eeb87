import type { Domain } from '../domains';
import { analyticsCell } from './analytics';
import { authCell } from './auth';
import type { CellDefinition } from './cell-definition';
import { notificationCell } from './notification';
import { orderCell } from './order';
import { paymentCell } from './payment';
import { productCell } from './product';
import { reviewCell } from './review';
import { searchCell } from './search';
import { userCell } from './user';

/** Every cell by domain: the host picks the ones it serves from here. */
export const cellDefinitions: Readonly<Record<Domain, CellDefinition>> = {
  auth: authCell,
  user: userCell,
  product: productCell,
  order: orderCell,
  payment: paymentCell,
  notification: notificationCell,
  search: searchCell,
  review: reviewCell,
  analytics: analyticsCell,
};
