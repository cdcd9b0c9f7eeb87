import mongoose from 'mongoose';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCongo } from '../src/mongo';
import { necessaryConditions, withPrefilter } from '../src/mongo/congo-query-prefilter';
import type { ResolvedMongo } from '../src/mongo/resolved-mongo';

// The stand-in drops the documents a filter's plain equalities rule out before its query
// interpreter sees them (congo-query-prefilter.ts). What the driver gets back must be exactly
// what the full scan gave: the same documents, in natural order, with the rest of the filter
// still applied, and the same for writes.

const schema = new mongoose.Schema({
  name: { type: String, required: true },
  stock: { type: Number, required: true },
  tag: { type: String, required: true },
  labels: [String],
  ownerId: mongoose.Schema.Types.ObjectId,
  active: Boolean,
});
const itemModel = (on: mongoose.Connection) => on.model('Item', schema);

let server: ResolvedMongo;
let connection: mongoose.Connection;
let Item: ReturnType<typeof itemModel>;
const ids: mongoose.Types.ObjectId[] = [];
const owners = [new mongoose.Types.ObjectId(), new mongoose.Types.ObjectId()];

beforeAll(async () => {
  server = await startCongo();
  connection = await mongoose.createConnection(server.uri, { dbName: 'prefilter' }).asPromise();
  Item = itemModel(connection);
  for (let index = 0; index < 40; index += 1) {
    const item = await Item.create({
      name: `item-${index}`,
      stock: index,
      tag: index % 2 ? 'odd' : 'even',
      labels: index % 5 === 0 ? ['fives', 'round'] : [],
      ...(index % 4 === 0 ? {} : { ownerId: owners[index % 2] }),
      active: index < 10,
    });
    ids.push(item._id);
  }
});

afterAll(async () => {
  await connection.close();
  await server.stop();
});

const names = (items: { name: string }[]) => items.map((item) => item.name);
const itemsWhere = (keep: (index: number) => boolean) =>
  ids
    .map((_, index) => index)
    .filter(keep)
    .map((index) => `item-${index}`);

describe('queries on the in-memory stand-in with equalities in the filter', () => {
  it('finds one document by its id, and none for an id no document has', async () => {
    expect((await Item.findById(ids[7]).lean())?.name).toBe('item-7');
    expect(await Item.findById(new mongoose.Types.ObjectId()).lean()).toBeNull();
  });

  it('still applies the rest of the filter to the documents that pass', async () => {
    expect(await Item.findOne({ _id: ids[3], tag: 'odd' }).lean()).toMatchObject({ stock: 3 });
    expect(await Item.findOne({ _id: ids[3], tag: 'even' }).lean()).toBeNull();
    expect(await Item.countDocuments({ _id: ids[4], stock: { $gte: 5 } })).toBe(0);
    expect(names(await Item.find({ tag: 'odd', stock: { $lt: 8 } }).lean())).toEqual(
      itemsWhere((index) => index % 2 === 1 && index < 8),
    );
  });

  it('matches strings, numbers, booleans and ObjectIds as before, in natural order', async () => {
    expect(names(await Item.find({ tag: 'even', active: true }).lean())).toEqual(
      itemsWhere((index) => index % 2 === 0 && index < 10),
    );
    expect(names(await Item.find({ stock: 12 }).lean())).toEqual(['item-12']);
    expect(names(await Item.find({ ownerId: owners[1] }).lean())).toEqual(
      itemsWhere((index) => index % 4 !== 0 && index % 2 === 1),
    );
    expect(await Item.countDocuments({ ownerId: new mongoose.Types.ObjectId() })).toBe(0);
  });

  it('matches a list of values on any field, as before, also inside array fields', async () => {
    expect(names(await Item.find({ stock: { $in: [3, 30, 99] } }).lean())).toEqual([
      'item-3',
      'item-30',
    ]);
    expect(
      names(await Item.find({ labels: { $in: ['round'] }, stock: { $lt: 12 } }).lean()),
    ).toEqual(['item-0', 'item-5', 'item-10']);
    expect(await Item.countDocuments({ ownerId: { $in: owners } })).toBe(30);
  });

  it('matches a value inside an array field, as MongoDB does', async () => {
    expect(names(await Item.find({ labels: 'fives', tag: 'even' }).lean())).toEqual(
      itemsWhere((index) => index % 10 === 0),
    );
  });

  it('returns an $in list of ids in natural order, for a few ids and for many', async () => {
    const few = [ids[9]!, ids[2]!, ids[5]!];
    expect(names(await Item.find({ _id: { $in: few } }).lean())).toEqual([
      'item-2',
      'item-5',
      'item-9',
    ]);
    const many = [...ids].reverse().filter((_, index) => index % 3 === 0);
    expect(many.length).toBeGreaterThan(8);
    expect(names(await Item.find({ _id: { $in: many } }).lean())).toEqual(
      itemsWhere((index) => many.some((id) => id.equals(ids[index]!))),
    );
    expect(await Item.find({ _id: { $in: [] } }).lean()).toEqual([]);
  });

  it('updates and deletes exactly the documents the filter names', async () => {
    await Item.updateOne({ _id: ids[11] }, { $inc: { stock: 100 } });
    expect((await Item.findById(ids[11]).lean())?.stock).toBe(111);
    expect((await Item.findById(ids[12]).lean())?.stock).toBe(12);
    const updated = await Item.findOneAndUpdate(
      { _id: ids[13], tag: 'odd' },
      { $set: { tag: 'sold' } },
      { returnDocument: 'after' },
    ).lean();
    expect(updated?.tag).toBe('sold');
    await Item.updateMany({ tag: 'even', active: true }, { $set: { active: false } });
    expect(await Item.countDocuments({ active: true })).toBe(5);
    await Item.deleteOne({ _id: ids[14] });
    expect(await Item.findById(ids[14]).lean()).toBeNull();
    expect(await Item.countDocuments()).toBe(39);
  });

  it('upserts a document under the filter id when none has it', async () => {
    const fresh = new mongoose.Types.ObjectId();
    await Item.updateOne({ _id: fresh }, { $set: { name: 'new', stock: 1 } }, { upsert: true });
    expect((await Item.findById(fresh).lean())?.name).toBe('new');
  });
});

describe('which filters get cheap tests', () => {
  const id = new mongoose.Types.ObjectId();

  it('hands the query interpreter only the documents that pass them', () => {
    const documents = ids.map((each, index) => ({ _id: each, stock: index, tag: index % 2 }));
    const seen: number[] = [];
    const scan = withPrefilter((candidates) => {
      seen.push(candidates.length);
      return candidates;
    });
    scan(documents, { _id: ids[5], stock: 5 });
    scan(documents, { _id: { $in: ids.slice(0, 12) } });
    scan(documents, { tag: 1, stock: { $gt: 3 } });
    scan(documents, { stock: { $gt: 3 } });
    expect(seen).toEqual([1, 12, 20, documents.length]);
  });

  it('gets one for each top-level equality and list of plain values or ids', () => {
    expect(necessaryConditions({ _id: id, tag: 'odd', stock: 3, active: false })).toHaveLength(4);
    expect(necessaryConditions({ _id: { $in: [id] }, sku: { $in: ['a', 'b', 2] } })).toHaveLength(
      2,
    );
  });

  it('leaves operators, paths, null, NaN and dates to the full scan', () => {
    for (const filter of [
      {},
      { _id: { $ne: id } },
      { _id: { $in: [id], $nin: [] } },
      { tag: { $in: ['odd', null] } },
      { tag: { $in: [/od/] } },
      { stock: { $in: [Number.NaN] } },
      { $or: [{ _id: id }] },
      { 'owner.id': id },
      { deletedAt: null },
      { stock: Number.NaN },
      { at: new Date() },
    ]) {
      expect(necessaryConditions(filter)).toEqual([]);
    }
  });
});

describe('against the query interpreter itself', () => {
  it('keeps every document mingo matches, for random documents and equality filters', async () => {
    const { plugins } = await import('@push.rocks/smartmongo/dist_ts/congodb/index.js');
    const { ObjectId } = plugins.bson;
    const mingoFilter = (documents: object[], filter: unknown) => {
      const query = new plugins.mingo.Query(filter as Record<string, unknown>);
      return documents.filter((document) => query.test(document as Record<string, unknown>));
    };
    const prefiltered = withPrefilter(mingoFilter);
    const pool = [new ObjectId(), new ObjectId(), new ObjectId()];
    const value = fc.oneof(
      fc.constantFrom('a', 'b', ''),
      fc.constantFrom(0, -0, 1, 2.5, Number.NaN),
      fc.boolean(),
      fc.constantFrom(...pool),
      fc.constant(null),
      fc.array(fc.constantFrom('a', 1, pool[0]!), { maxLength: 3 }),
      fc.record({ a: fc.constantFrom('a', 1) }, { noNullPrototype: true }),
    );
    const document = fc.record(
      { _id: fc.constantFrom(...pool), f: value, g: value },
      { requiredKeys: ['_id'], noNullPrototype: true },
    );
    const filter = fc.record(
      {
        _id: fc.oneof(
          fc.constantFrom(...pool),
          fc.record({ $in: fc.subarray(pool) }, { noNullPrototype: true }),
          fc.constant('a'),
        ),
        f: fc.oneof(
          value,
          fc.record({ $in: fc.array(value, { maxLength: 4 }) }, { noNullPrototype: true }),
        ),
        g: fc.oneof(
          value,
          fc.record({ $in: fc.array(value, { maxLength: 4 }) }, { noNullPrototype: true }),
        ),
      },
      { requiredKeys: [], noNullPrototype: true },
    );
    fc.assert(
      fc.property(fc.array(document, { maxLength: 12 }), filter, (documents, query) => {
        expect(prefiltered(documents, query)).toEqual(mingoFilter(documents, query));
      }),
      { numRuns: 2_000 },
    );
  });
});
