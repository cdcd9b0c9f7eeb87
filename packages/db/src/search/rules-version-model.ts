import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/** The one document (`_id: 'rules'`) every rule write increments; replicas poll it. */
export const rulesVersionId = 'rules';

export const searchRulesVersionSchema = new Schema({
  _id: { type: String, required: true },
  version: { type: Number, required: true, default: 0 },
});

export type SearchRulesVersion = InferSchemaType<typeof searchRulesVersionSchema>;

export function searchRulesVersionModel(connection: Connection): Model<SearchRulesVersion> {
  return connection.model<SearchRulesVersion>('SearchRulesVersion', searchRulesVersionSchema);
}
