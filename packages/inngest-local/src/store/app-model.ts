import { Schema, type Connection, type Model } from 'mongoose';

export type FunctionTrigger = { event: string; expression?: string } | { cron: string };

/** A function as this executor needs it, normalised from the SDK's sync payload. */
export interface FunctionDefinition {
  id: string;
  name: string;
  appId: string;
  stepUrl: string;
  /** Attempts in total: the function's `retries` plus the first try. */
  maxAttempts: number;
  triggers: FunctionTrigger[];
  cancel: { event: string; if?: string; timeout?: string }[];
  idempotency?: string;
  /** `batchEvents`: up to `maxSize` events per run, or what arrived within `timeout`. */
  batch?: { maxSize: number; timeout: string; key?: string; if?: string };
  /** Options the SDK sent that this executor does not enforce, reported once at sync. */
  ignoredOptions: string[];
}

export interface AppDocument {
  appId: string;
  url: string;
  sdk?: string;
  framework?: string;
  appVersion?: string;
  /**
   * Embedded so that a re-sync replaces an app's functions in one single-document write: no
   * moment where an event sees half of an app, and no multi-document transaction needed.
   */
  functions: FunctionDefinition[];
  syncedAt: Date;
}

const appSchema = new Schema<AppDocument>(
  {
    appId: { type: String, required: true, unique: true },
    url: { type: String, required: true },
    sdk: String,
    framework: String,
    appVersion: String,
    functions: { type: Schema.Types.Mixed, default: [] },
    syncedAt: { type: Date, required: true },
  },
  { collection: 'apps', versionKey: false, minimize: false },
);

export type AppModel = Model<AppDocument>;

export function appModel(connection: Connection): AppModel {
  return connection.model<AppDocument>('App', appSchema);
}
