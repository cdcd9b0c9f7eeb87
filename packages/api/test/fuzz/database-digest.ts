import { createHash } from 'node:crypto';
import { connectDomainDatabase, databaseDomains, type DatabaseDomain } from '@shop/db';

/**
 * A digest of every collection of the given cell databases (default: all of them): each document in `_id` order, as
 * raw BSON. Two equal digests mean nothing was inserted, changed or deleted in between.
 * Per collection, so a difference names where it is.
 */
export type DatabaseDigest = ReadonlyMap<string, string>;

export async function digestDatabases(
  domains: readonly DatabaseDomain[] = databaseDomains,
): Promise<DatabaseDigest> {
  const digest = new Map<string, string>();
  await Promise.all(
    domains.map(async (domain) => {
      const connection = await connectDomainDatabase(domain);
      const db = connection.db;
      if (!db) throw new Error(`the ${domain} database is not connected`);
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      for (const { name } of collections) {
        const hash = createHash('sha256');
        // Raw BSON, hashed as the server sends it: no decoding (the seed is thousands of documents).
        const documents = db.collection(name).find({}, { raw: true, batchSize: 10_000 });
        for await (const document of documents.sort({ _id: 1 })) {
          hash.update(document as unknown as Uint8Array);
        }
        digest.set(`${domain}.${name}`, hash.digest('hex'));
      }
    }),
  );
  return digest;
}

/** The collections whose contents differ between two digests (added or removed ones too). */
export function changedCollections(before: DatabaseDigest, after: DatabaseDigest): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}
