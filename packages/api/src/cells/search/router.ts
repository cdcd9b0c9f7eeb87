import { router } from '../../trpc/init';
import { publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import { queryInput, suggestInput } from './inputs';
import { query, suggest } from './procedures/search';

/** The search cell's procedures, answered from this replica's index (procedures/search.ts). */
export const searchRouter = router({
  status: statusProcedure('search'),
  /** Full-text search with facets, filters, sorting and pages; browsing a category too. */
  query: publicProcedure.input(queryInput).query(query),
  /** As-you-type suggestions. */
  suggest: publicProcedure.input(suggestInput).query(suggest),
});
