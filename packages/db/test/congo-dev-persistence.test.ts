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
  count: Number,
});

const noteModel = (connection: mongoose.Connection) => connection.model('Note', schema);
type NoteModel = ReturnType<typeof noteModel>;

/** Starts the server on the snapshot, runs `work` against it, and stops it (which saves). */
async function withServer<T>(
  snapshotFile: string,
  work: (Note: NoteModel) => Promise<T>,
): Promise<T> {
  const server = await startCongo({ snapshotFile });
  const connection = await mongoose.createConnection(server.uri, { dbName: 'keep' }).asPromise();
  try {
    return await work(noteModel(connection));
  } finally {
    await connection.close();
    await server.stop();
  }
}

it('keeps dev data, with dates, ObjectIds and numbers intact, across restarts of the in-memory server', async () => {
  const snapshotFile = join(dir, 'congodb.ejson');
  const ownerId = new mongoose.Types.ObjectId();
  const at = new Date('2025-01-02T03:04:05.000Z');

  await withServer(snapshotFile, (Note) => Note.create({ name: 'kept', ownerId, at, count: 1 }));
  // Updating restored documents once broke numbers on the next save; do it across two restarts.
  await withServer(snapshotFile, (Note) =>
    Note.updateOne({ name: 'kept' }, { $inc: { count: 1 } }),
  );
  const found = await withServer(snapshotFile, (Note) =>
    // Querying by the typed values proves they came back as Date/ObjectId, not strings.
    Note.find({ ownerId, at: { $gte: at } }).lean(),
  );

  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ name: 'kept', count: 2, __v: 0 });
});
