import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  deleteBoostRuleInput,
  deleteRedirectInput,
  deleteSynonymInput,
  previewInput,
  queryInput,
  saveBoostRuleInput,
  saveQueryPinsInput,
  saveRedirectInput,
  saveSynonymInput,
  suggestInput,
} from './inputs';
import {
  deleteBoostRule,
  deleteRedirect,
  deleteSynonym,
  merchandising,
  saveBoostRule,
  saveQueryPins,
  saveRedirect,
  saveSynonym,
} from './procedures/merchandising';
import { preview } from './procedures/preview';
import { query, suggest } from './procedures/search';

/** The search cell's procedures, answered from this replica's index (procedures/search.ts). */
export const searchRouter = router({
  status: statusProcedure('search'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('search'),
  /** Full-text search with facets, filters, sorting and pages; browsing a category too. */
  query: publicProcedure.input(queryInput).query(query),
  /** As-you-type suggestions. */
  suggest: publicProcedure.input(suggestInput).query(suggest),

  // Merchandising (docs/search.md "Merchandising"): staff read with catalog:read, write with
  // catalog:write.
  /** Every rule and the rules' version. */
  merchandising: permissionProcedure('catalog:read').query(merchandising),
  /** A query's first page with unsaved rules, for the admin's live preview. */
  preview: permissionProcedure('catalog:read').input(previewInput).query(preview),
  saveSynonym: permissionProcedure('catalog:write').input(saveSynonymInput).mutation(saveSynonym),
  deleteSynonym: permissionProcedure('catalog:write')
    .input(deleteSynonymInput)
    .mutation(deleteSynonym),
  saveRedirect: permissionProcedure('catalog:write')
    .input(saveRedirectInput)
    .mutation(saveRedirect),
  deleteRedirect: permissionProcedure('catalog:write')
    .input(deleteRedirectInput)
    .mutation(deleteRedirect),
  saveQueryPins: permissionProcedure('catalog:write')
    .input(saveQueryPinsInput)
    .mutation(saveQueryPins),
  saveBoostRule: permissionProcedure('catalog:write')
    .input(saveBoostRuleInput)
    .mutation(saveBoostRule),
  deleteBoostRule: permissionProcedure('catalog:write')
    .input(deleteBoostRuleInput)
    .mutation(deleteBoostRule),
});
