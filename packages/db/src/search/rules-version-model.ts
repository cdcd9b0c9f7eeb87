import { type Connection, type InferSchemaType, type Model, Schema } from 'mongoose';

/** The one document (`key: 'rules'`) every rule write increments; replicas poll it. */
export const rulesVersionId = 'rules';

export const searchRulesVersionSchema = new Schema({
  key: { type: String, required: true },
  version: { type: Number, required: true, default: 0 },
});

searchRulesVersionSchema.index({ key: 1 }, { unique: true });

export type SearchRulesVersion = InferSchemaType<typeof searchRulesVersionSchema>;

export function searchRulesVersionModel(connection: Connection): Model<SearchRulesVersion> {
  return connection.model<SearchRulesVersion>('SearchRulesVersion', searchRulesVersionSchema);
}
