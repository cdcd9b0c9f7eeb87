import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, expect, it } from 'vitest';
import { startCongo } from '../src/mongo';

const dir = await mkdtemp(join(tmpdir(), 'congo-snapshot-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const schema = new mongoose.Schema({
  name: String,
  ownerId: mongoose.Schema.Types.ObjectId,
  at: Date,
});

it('keeps dev data, with dates and ObjectIds intact, across a restart of the in-memory server', async () => {
  const snapshotFile = join(dir, 'congodb.ejson');
  const ownerId = new mongoose.Types.ObjectId();
  const at = new Date('2025-01-02T03:04:05.000Z');

  const first = await startCongo({ snapshotFile });
  const write = await mongoose.createConnection(first.uri, { dbName: 'keep' }).asPromise();
  await write.model('Note', schema).create({ name: 'kept', ownerId, at });
  await write.close();
  await first.stop();

  const second = await startCongo({ snapshotFile });
  const read = await mongoose.createConnection(second.uri, { dbName: 'keep' }).asPromise();
  try {
    const Note = read.model('Note', schema);
    // Querying by the typed values proves they were stored as Date/ObjectId, not strings.
    const found = await Note.find({ ownerId, at: { $gte: at } }).lean();
    expect(found).toHaveLength(1);
    expect(found[0]?.name).toBe('kept');
  } finally {
    await read.close();
    await second.stop();
  }
});
