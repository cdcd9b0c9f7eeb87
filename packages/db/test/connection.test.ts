import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeDatabaseConnections,
  connectDomainDatabase,
  databaseDomains,
  domainDatabases,
  pingDatabase,
} from '../src';
import { startCongo } from '../src/mongo';
import { holdingProxy, isolateTestDatabases } from '../src/testing';

const prefix = isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

describe('connectDomainDatabase', () => {
  it('gives every domain its own database on the same server', async () => {
    const connections = await Promise.all(
      databaseDomains.map((domain) => connectDomainDatabase(domain)),
    );
    expect(connections.map((connection) => connection.name)).toEqual(
      databaseDomains.map((domain) => `${prefix}${domainDatabases[domain]}`),
    );

    const schema = new mongoose.Schema({ label: String });
    const [auth, product] = await Promise.all([
      connectDomainDatabase('auth'),
      connectDomainDatabase('product'),
    ]);
    await auth.model('Probe', schema).create({ label: 'auth only' });
    expect(await product.model('Probe', schema).countDocuments()).toBe(0);
    expect(await auth.model('Probe', schema).countDocuments()).toBe(1);
  });

  it('returns the same connection for the same domain', async () => {
    expect(await connectDomainDatabase('order')).toBe(await connectDomainDatabase('order'));
  });

  it('says what is missing when no MONGODB_URI is set', async () => {
    const saved = process.env.MONGODB_URI;
    delete process.env.MONGODB_URI;
    try {
      await expect(connectDomainDatabase('user')).rejects.toThrow(/MONGODB_URI is not set/);
    } finally {
      process.env.MONGODB_URI = saved;
    }
  });
});

describe('pingDatabase', () => {
  it('answers while the server answers, and gives up after its timeout when it does not', async () => {
    // Through a proxy that can hold the server's answers: the ping can then only end by its own
    // timeout, whatever the machine's speed.
    const server = await startCongo();
    const proxy = await holdingProxy(server.uri);
    try {
      const connection = await connectDomainDatabase('review', { uri: proxy.uri });
      await expect(pingDatabase(connection)).resolves.toBeUndefined();

      proxy.hold();
      await expect(pingDatabase(connection)).rejects.toThrow(
        `database ${connection.name} did not answer a ping within 1000 ms`,
      );
    } finally {
      proxy.release();
      await proxy.close();
      await server.stop();
    }
  });

  it('fails a query against a stopped server instead of queueing it (bufferCommands off)', async () => {
    const server = await startCongo();
    const connection = await connectDomainDatabase('analytics', { uri: server.uri });
    const Review = connection.model('Review', new mongoose.Schema({ title: String }));
    await Review.findOne(); // connected and answering
    await server.stop();

    // With buffering the query would wait for a reconnect and fail only with mongoose's
    // "buffering timed out"; without it the driver refuses it (after at most its 5 s server
    // selection timeout).
    const error = await Review.findOne().then(
      () => undefined,
      (failure: unknown) => failure as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).not.toMatch(/buffering timed out/);
    expect(connection.get('bufferCommands')).toBe(false);
  });
});
