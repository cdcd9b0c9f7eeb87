import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DryMongoBinary } from 'mongodb-memory-server';
import mongoose from 'mongoose';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveMongo } from '../src/mongo';

const silent = pino({ level: 'silent' });
const testServerUri = process.env.MONGODB_URI;
const mongodOnDisk = Boolean(
  await DryMongoBinary.locateBinary(await DryMongoBinary.generateOptions()).catch(() => undefined),
);

afterEach(() => {
  process.env.MONGODB_URI = testServerUri;
});

describe('resolveMongo', () => {
  it('uses MONGODB_URI when it is set, and never stops that server', async () => {
    process.env.MONGODB_URI = 'mongodb://db.example.internal:27017/';
    const mongo = await resolveMongo({ mode: 'test', logger: silent });
    expect(mongo).toMatchObject({ kind: 'external', uri: 'mongodb://db.example.internal:27017/' });
    await expect(mongo.stop()).resolves.toBeUndefined();
  });

  it.skipIf(mongodOnDisk)(
    'falls back to the in-memory server when no mongod can be found, giving up on a download server that never answers after its 1.5 s probe',
    async () => {
      delete process.env.MONGODB_URI;
      // A download server that takes the connection and never answers: only the probe's own
      // timeout can end the wait, so the fallback proves the bound without timing it.
      const silentServer = createServer(() => undefined);
      await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
      const { port } = silentServer.address() as AddressInfo;
      const savedMirror = process.env.MONGOMS_DOWNLOAD_MIRROR;
      process.env.MONGOMS_DOWNLOAD_MIRROR = `http://127.0.0.1:${port}`;
      const lines: { reason?: string }[] = [];
      const logger = pino(
        { level: 'info' },
        { write: (line: string) => void lines.push(JSON.parse(line) as { reason?: string }) },
      );
      try {
        const mongo = await resolveMongo({ mode: 'test', logger });
        try {
          expect(mongo.kind).toBe('in-memory-wire');
          expect(mongo.enforces).toEqual({ uniqueIndexes: false, transactions: false });
          expect(lines.map((line) => line.reason)).toContain(
            `no cached mongod and http://127.0.0.1:${port} did not answer within 1500 ms`,
          );
        } finally {
          await mongo.stop();
        }
      } finally {
        if (savedMirror === undefined) delete process.env.MONGOMS_DOWNLOAD_MIRROR;
        else process.env.MONGOMS_DOWNLOAD_MIRROR = savedMirror;
        silentServer.closeAllConnections();
        await new Promise((resolve) => silentServer.close(resolve));
      }
    },
  );

  it('starts a server that answers mongoose CRUD', async () => {
    delete process.env.MONGODB_URI;
    const mongo = await resolveMongo({ mode: 'test', logger: silent });
    const connection = await mongoose.createConnection(mongo.uri, { dbName: 'crud' }).asPromise();
    try {
      const Thing = connection.model('Thing', new mongoose.Schema({ name: String, count: Number }));
      const created = await Thing.create({ name: 'lamp', count: 1 });
      await Thing.updateOne({ _id: created._id }, { $inc: { count: 2 } });
      expect(await Thing.findById(created._id).lean()).toMatchObject({ name: 'lamp', count: 3 });
      await Thing.deleteOne({ _id: created._id });
      expect(await Thing.countDocuments()).toBe(0);
    } finally {
      await connection.close();
      await mongo.stop();
    }
  });

  it('logs which server it chose, and on the fallback what it does not enforce', async () => {
    delete process.env.MONGODB_URI;
    const lines: { msg: string; kind: string }[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    const mongo = await resolveMongo({ mode: 'test', logger });
    await mongo.stop();
    const choice = lines.find((line) => line.kind === mongo.kind);
    expect(choice?.msg).toMatch(/^MongoDB: /);
    if (mongo.kind === 'in-memory-wire') {
      expect(choice?.msg).toMatch(/unique indexes, transactions.*\$text.*positional/);
      expect(choice?.msg).toMatch(/MONGODB_URI.*MONGOMS_SYSTEM_BINARY/);
    }
  });
});
