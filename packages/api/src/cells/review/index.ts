import type { CellDefinition } from '../cell-definition';
import { domainDatabase } from '../domain-database';
import { erasePersonalData } from './erase-personal-data';
import { reviewFunctions } from './functions';
import { reviewRouter } from './router';

export const reviewCell: CellDefinition = {
  name: 'review',
  router: reviewRouter,
  functions: [...reviewFunctions, erasePersonalData],
  database: domainDatabase('review').database,
};
