import { analyticsModels } from '@shop/db/analytics';
import { domainDatabase } from '../domain-database';

/** analytics_db: only the analytics cell opens it. */
export const analyticsDatabase = domainDatabase('analytics', analyticsModels);
