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
import { isolateTestDatabases } from '../src/testing';

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
  it('answers while the server is up and rejects within ~1 s once it is down', async () => {
    const server = await startCongo();
    const connection = await connectDomainDatabase('review', { uri: server.uri });
    await expect(pingDatabase(connection)).resolves.toBeUndefined();

    await server.stop();
    const started = performance.now();
    await expect(pingDatabase(connection)).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1_500);

    // bufferCommands is off: a query against the stopped server fails instead of waiting forever.
    const Review = connection.model('Review', new mongoose.Schema({ title: String }));
    const queried = performance.now();
    await expect(Review.findOne()).rejects.toThrow();
    expect(performance.now() - queried).toBeLessThan(6_000);
  });
});
