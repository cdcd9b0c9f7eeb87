import { afterAll, describe, expect, it } from 'vitest';
import { Schema, type Model, type Types } from 'mongoose';
import { closeDatabaseConnections, connectDomainDatabase } from '../src';
import { derivedObjectId, isDuplicateKeyError } from '../src/claims';
import { isolateTestDatabases, requireRealMongo } from '../src/testing';

isolateTestDatabases();
afterAll(() => closeDatabaseConnections());

interface Claim {
  _id: Types.ObjectId;
  owner?: string;
  slug?: string;
}
const claimSchema = new Schema<Claim>({ _id: Schema.Types.ObjectId, owner: String, slug: String });
claimSchema.index({ slug: 1 }, { unique: true });

async function claims(): Promise<Model<Claim>> {
  const connection = await connectDomainDatabase('order');
  const Claim =
    (connection.models.ClaimTest as Model<Claim> | undefined) ??
    connection.model<Claim>('ClaimTest', claimSchema);
  await Claim.init();
  return Claim;
}

describe('derivedObjectId', () => {
  it('names one thing with the same id every time, and different things differently', () => {
    expect(derivedObjectId('cart', 'account-1').equals(derivedObjectId('cart', 'account-1'))).toBe(
      true,
    );
    expect(derivedObjectId('cart', 'account-1').equals(derivedObjectId('cart', 'account-2'))).toBe(
      false,
    );
    // Parts are separated, so ("ab", "c") and ("a", "bc") do not collide.
    expect(derivedObjectId('ab', 'c').equals(derivedObjectId('a', 'bc'))).toBe(false);
  });
});

describe('isDuplicateKeyError', () => {
  it('recognises a second insert of a derived _id as the duplicate it is', async () => {
    const Claim = await claims();
    const _id = derivedObjectId('claim-test', String(Date.now()));
    await Claim.create({ _id, owner: 'first' });
    const refusal = await Claim.create({ _id, owner: 'second' }).catch((error: unknown) => error);
    expect(isDuplicateKeyError(refusal)).toBe(true);
    // The first claim stands.
    expect((await Claim.findById(_id).lean())?.owner).toBe('first');
  });

  it('recognises a unique-index refusal (real mongod only: the stand-in does not enforce them)', async (context) => {
    requireRealMongo(context, 'uniqueIndexes');
    const Claim = await claims();
    await Claim.create({ _id: derivedObjectId('slug-a'), slug: 'taken' });
    const refusal = await Claim.create({ _id: derivedObjectId('slug-b'), slug: 'taken' }).catch(
      (error: unknown) => error,
    );
    expect(isDuplicateKeyError(refusal)).toBe(true);
  });

  it('does not mistake other failures for a duplicate', () => {
    expect(isDuplicateKeyError(new Error('connection reset'))).toBe(false);
    expect(isDuplicateKeyError({ code: 121, message: 'Document failed validation' })).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError('E11000')).toBe(false);
  });

  it('reads the driver’s bulk write errors', () => {
    expect(isDuplicateKeyError({ writeErrors: [{ code: 11000 }] })).toBe(true);
  });
});
