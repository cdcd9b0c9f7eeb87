import type { mongo } from 'mongoose';
import { driverCollection } from '../store/driver-collection';
import { insertIfAbsent } from '../store/insert-if-absent';
import type { RunKeyDocument, RunKeyModel } from '../store/run-key-model';

export const idempotencyWindowMs = 24 * 60 * 60_000;

/**
 * Claims idempotency keys for runs. Every write is one conditional single-document update on the
 * unique `key`, so of two concurrent sends with the same event id exactly one run is started
 * (on a real MongoDB the loser of an insert race gets a duplicate-key error, read as "taken").
 */
export class RunKeys {
  private readonly keys: mongo.Collection<RunKeyDocument>;

  constructor(keys: RunKeyModel) {
    this.keys = driverCollection(keys);
  }

  /** Returns the run that holds the key: `runId` if this call took it (or already held it). */
  async claim(functionId: string, key: string, runId: string, now = new Date()): Promise<string> {
    const id = `${functionId}\n${key}`;
    const expiresAt = new Date(now.getTime() + idempotencyWindowMs);
    if (await insertIfAbsent(this.keys, { key: id }, { runId, expiresAt })) return runId;
    // Taken. An expired key (not yet swept) may be taken over, by one claimer only.
    await this.keys.updateOne(
      { key: id, expiresAt: { $lte: now } },
      { $set: { runId, expiresAt } },
    );
    const holder = await this.keys.findOne({ key: id }, { projection: { runId: 1 } });
    return holder?.runId ?? runId;
  }
}
