import { type Connection } from 'mongoose';
import { searchBoostRuleModel } from './boost-rule-model';
import { searchQueryPinsModel } from './query-pins-model';
import { searchRedirectModel } from './redirect-model';
import { searchRulesVersionModel } from './rules-version-model';
import { searchSynonymModel } from './synonym-model';

export * from './boost-rule-model';
export * from './query-pins-model';
export * from './redirect-model';
export * from './rules-version-model';
export * from './synonym-model';

/** The search domain's models (merchandising rules), bound to the search database connection. */
export function searchModels(connection: Connection) {
  return {
    SearchSynonym: searchSynonymModel(connection),
    SearchRedirect: searchRedirectModel(connection),
    SearchQueryPins: searchQueryPinsModel(connection),
    SearchBoostRule: searchBoostRuleModel(connection),
    SearchRulesVersion: searchRulesVersionModel(connection),
  };
}
export type SearchModels = ReturnType<typeof searchModels>;
