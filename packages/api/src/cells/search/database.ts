import { searchModels } from '@shop/db/search';
import { domainDatabase } from '../domain-database';

/** search_db: the merchandising rules; only the search cell opens it. */
export const searchDatabase = domainDatabase('search', searchModels);
