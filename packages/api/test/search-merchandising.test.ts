import { connectDomainDatabase } from '@shop/db';
import { analyticsModels } from '@shop/db/analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../src/cells/search/views';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { failureOf } from './support/cart-calls';
import { bearer } from './support/http';
import { loginAs } from './support/login';
import { merchandisingTestDatabases } from './support/merchandising-fixtures';
import { startTestHost, stopTestHosts } from './support/test-host';

let host: CellHost;
let shopper: ReturnType<typeof createCellClient>;
let catalog: ReturnType<typeof createCellClient>;
let analyst: ReturnType<typeof createCellClient>;
let orders: ReturnType<typeof createCellClient>;

const clientWith = (token?: string) =>
  createCellClient({
    urlFor: () => `${host.url}/trpc`,
    headers: () => (token ? bearer(token) : {}),
  });

beforeAll(async () => {
  await merchandisingTestDatabases();
  host = await startTestHost(['auth', 'search', 'analytics']);
  const [catalogToken, analystToken, ordersToken] = await Promise.all([
    loginAs(host.url, 'catalog@example.com'),
    loginAs(host.url, 'analyst@example.com'),
    loginAs(host.url, 'orders@example.com'),
  ]);
  shopper = clientWith();
  catalog = clientWith(catalogToken);
  analyst = clientWith(analystToken);
  orders = clientWith(ordersToken);
});
afterAll(() => stopTestHosts(host));

const slugs = (answer: SearchResults) => answer.results.map((result) => result.slug);
const search = async (q: string) => slugs(await shopper.search.query.query({ q }));
const idOf = async (slug: string) => {
  const { results } = await shopper.search.query.query({ q: slug.replace(/-/g, ' '), exact: true });
  const found = results.find((result) => result.slug === slug);
  if (!found) throw new Error(`no ${slug}`);
  return found.id;
};

describe('synonyms', () => {
  it('two-way: "tee" and "t-shirt" each find both, once saved', async () => {
    expect(await search('tee')).toEqual(['cotton-tee']);
    expect(await search('t-shirt')).toEqual(['classic-t-shirt']);

    await catalog.search.saveSynonym.mutate({ direction: 'two-way', terms: ['tee', 't-shirt'] });

    expect((await search('tee')).sort()).toEqual(['classic-t-shirt', 'cotton-tee']);
    expect((await search('t-shirt')).sort()).toEqual(['classic-t-shirt', 'cotton-tee']);
    // The written-together form of the phrase meets the rule too.
    expect((await search('tshirt')).sort()).toEqual(['classic-t-shirt', 'cotton-tee']);
    // The word typed ranks first: the shopper's own word before the synonym's.
    expect((await search('tee'))[0]).toBe('cotton-tee');
  });

  it('one-way: "couch" also finds sofas, "sofa" does not find couches', async () => {
    expect(await search('couch')).toEqual(['corner-couch']);
    await catalog.search.saveSynonym.mutate({ direction: 'one-way', terms: ['couch', 'sofa'] });
    expect((await search('couch')).sort()).toEqual(['corner-couch', 'linen-sofa']);
    expect(await search('sofa')).toEqual(['linen-sofa']);
  });

  it('a synonym for a word the catalogue lacks finds products instead of nothing', async () => {
    expect(await search('settee')).toEqual([]);
    await catalog.search.saveSynonym.mutate({ direction: 'one-way', terms: ['settee', 'sofa'] });
    const answer = await shopper.search.query.query({ q: 'settee' });
    expect(slugs(answer)).toEqual(['linen-sofa']);
    expect(answer.queryUsed).toBeNull();
    expect(answer.didYouMean).toBeNull();
  });

  it('saving the same rule twice (terms in any order) leaves one rule; an edit replaces it', async () => {
    const first = await catalog.search.saveSynonym.mutate({
      direction: 'two-way',
      terms: ['lamp', 'light'],
    });
    const again = await catalog.search.saveSynonym.mutate({
      direction: 'two-way',
      terms: ['Light', 'lamp'],
    });
    expect(again.after?.id).toBe(first.after?.id);
    expect(again.before).not.toBeNull();
    const edited = await catalog.search.saveSynonym.mutate({
      direction: 'two-way',
      terms: ['lamp', 'lantern'],
      replaces: first.after!.id,
    });
    const { rules } = await catalog.search.merchandising.query();
    const ids = rules.synonyms.map((rule) => rule.id);
    expect(ids).toContain(edited.after!.id);
    expect(ids).not.toContain(first.after!.id);

    await catalog.search.deleteSynonym.mutate({ id: edited.after!.id });
    // Deleting again is not an error: the rule is gone either way.
    const repeat = await catalog.search.deleteSynonym.mutate({ id: edited.after!.id });
    expect(repeat.before).toBeNull();
  });
});

describe('redirects', () => {
  it('a redirected query answers where to go, whatever its case and spacing', async () => {
    await catalog.search.saveRedirect.mutate({ query: 'returns', url: '/help/returns' });
    const answer = await shopper.search.query.query({ q: '  Returns ' });
    expect(answer.redirect).toBe('/help/returns');
    expect(answer.results).toEqual([]);
    expect((await shopper.search.query.query({ q: 'lamp' })).redirect).toBeNull();
  });

  it('accepts https addresses and refuses other sites written as paths, scripts and data', async () => {
    await catalog.search.saveRedirect.mutate({
      query: 'size guide',
      url: 'https://help.example.com/sizes',
    });
    expect((await shopper.search.query.query({ q: 'size guide' })).redirect).toBe(
      'https://help.example.com/sizes',
    );
    for (const url of [
      '//evil.example/returns',
      '/\\evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      'ftp://files.example/x',
      // A made-up credential in a URL, which the redirect must refuse; not a secret.
      // secretlint-disable-next-line
      'https://user:pass@example.com/',
      'returns page',
    ]) {
      const refusal = await failureOf(catalog.search.saveRedirect.mutate({ query: 'x', url }));
      expect(refusal.httpStatus, url).toBe(400);
      expect(refusal.issues?.[0]?.path, url).toBe('url');
    }
  });
});

describe('pins and hides', () => {
  it('pins come first in the given order, even when they do not match; hidden ones go', async () => {
    const before = await search('lamp');
    expect(before).toEqual(expect.arrayContaining(['oak-desk-lamp', 'brass-floor-lamp']));
    const [walnut, brass, oak] = await Promise.all([
      idOf('walnut-side-table'),
      idOf('brass-floor-lamp'),
      idOf('oak-desk-lamp'),
    ]);
    await catalog.search.saveQueryPins.mutate({
      query: 'lamp',
      pinned: [walnut, brass],
      hidden: [oak],
    });
    const after = await search('lamp');
    expect(after.slice(0, 2)).toEqual(['walnut-side-table', 'brass-floor-lamp']);
    expect(after).not.toContain('oak-desk-lamp');
    // Only for that query.
    expect(await search('oak desk lamp')).toContain('oak-desk-lamp');
    // Filters still apply to pins: the side table is no lighting product.
    const lighting = await shopper.search.query.query({
      q: 'lamp',
      filters: { category: 'lighting' },
    });
    expect(slugs(lighting)).not.toContain('walnut-side-table');

    // Both lists empty: the rule is removed.
    const removed = await catalog.search.saveQueryPins.mutate({
      query: 'lamp',
      pinned: [],
      hidden: [],
    });
    expect(removed.after).toBeNull();
    expect((await search('lamp')).sort()).toEqual([...before].sort());
  });

  it('refuses a product both pinned and hidden, and text that is no product id', async () => {
    const oak = await idOf('oak-desk-lamp');
    const both = await failureOf(
      catalog.search.saveQueryPins.mutate({ query: 'lamp', pinned: [oak], hidden: [oak] }),
    );
    expect(both).toMatchObject({ httpStatus: 400 });
    expect(both.issues?.[0]?.path).toBe('hidden');
    const notAnId = await failureOf(
      catalog.search.saveQueryPins.mutate({ query: 'lamp', pinned: ['oak-desk-lamp'], hidden: [] }),
    );
    expect(notAnId.httpStatus).toBe(400);
  });
});

describe('boost and bury', () => {
  it('a boosted brand comes first among products matching as many words', async () => {
    // Whole words before prefixes: "lampshade" is only a completion of "lamp".
    expect((await search('lamp')).at(-1)).toBe('linen-lampshade');
    const boost = await catalog.search.saveBoostRule.mutate({
      effect: 'boost',
      field: 'brand',
      value: 'Hearth',
      query: 'lamp',
    });
    expect((await search('lamp'))[0]).toBe('linen-lampshade');
    // Only for its query.
    expect((await search('lamps')).at(-1)).toBe('linen-lampshade');
    await catalog.search.deleteBoostRule.mutate({ id: boost.after!.id });
    expect((await search('lamp')).at(-1)).toBe('linen-lampshade');
  });

  it('bury moves a brand down for every search; a boost can weigh against it', async () => {
    expect(await search('laptop')).toEqual(['aurora-14-laptop', 'zephyr-16-laptop-pro']);
    const bury = await catalog.search.saveBoostRule.mutate({
      effect: 'bury',
      field: 'brand',
      value: 'northwind',
    });
    expect(await search('laptop')).toEqual(['zephyr-16-laptop-pro', 'aurora-14-laptop']);
    // In stock first: the Northwind laptop is in stock, so its rules cancel out.
    const boost = await catalog.search.saveBoostRule.mutate({ effect: 'boost', field: 'inStock' });
    expect(await search('laptop')).toEqual(['aurora-14-laptop', 'zephyr-16-laptop-pro']);
    await catalog.search.deleteBoostRule.mutate({ id: bury.after!.id });
    await catalog.search.deleteBoostRule.mutate({ id: boost.after!.id });
  });

  it('refuses a brand or category rule that names none', async () => {
    const refusal = await failureOf(
      catalog.search.saveBoostRule.mutate({ effect: 'boost', field: 'brand' }),
    );
    expect(refusal.httpStatus).toBe(400);
    expect(refusal.issues?.[0]?.path).toBe('value');
  });
});

describe('preview', () => {
  it('answers with unsaved rules and changes nothing', async () => {
    expect(await search('divan')).toEqual([]);
    const preview = await catalog.search.preview.query({
      q: 'divan',
      rules: { synonyms: [{ direction: 'one-way', terms: ['divan', 'sofa'] }] },
    });
    expect(slugs(preview)).toEqual(['linen-sofa']);
    expect(await search('divan')).toEqual([]);
    const redirect = await analyst.search.preview.query({
      q: 'lamp',
      rules: { redirects: [{ query: 'lamp', url: '/lighting' }] },
    });
    expect(redirect.redirect).toBe('/lighting');
    expect(redirect.results.length).toBeGreaterThan(0);
  });
});

describe('who may do what', () => {
  it('analysts read and preview but cannot write; order managers neither; shoppers 401', async () => {
    const rules = await analyst.search.merchandising.query();
    expect(rules.rules.synonyms.length).toBeGreaterThan(0);
    expect(
      await failureOf(
        analyst.search.saveSynonym.mutate({ direction: 'two-way', terms: ['a1', 'b1'] }),
      ),
    ).toMatchObject({ httpStatus: 403 });
    for (const call of [
      orders.search.merchandising.query(),
      orders.search.preview.query({ q: 'lamp' }),
      orders.search.saveRedirect.mutate({ query: 'returns', url: '/' }),
      orders.search.deleteBoostRule.mutate({ id: 'x' }),
      orders.analytics.zeroResultQueries.query({}),
    ]) {
      expect(await failureOf(call)).toMatchObject({ httpStatus: 403 });
    }
    expect(await failureOf(shopper.search.merchandising.query())).toMatchObject({
      httpStatus: 401,
    });
  });

  it('refuses unknown fields and malformed rules with 400, never 500', async () => {
    for (const input of [
      { direction: 'two-way', terms: ['only-one'] },
      { direction: 'sideways', terms: ['a', 'b'] },
      { direction: 'two-way', terms: ['tee', 'TEE'] },
      { direction: 'two-way', terms: ['!!!', 'tee'] },
      { direction: 'two-way', terms: ['a', 'b'], extra: true },
    ]) {
      const refusal = await failureOf(
        catalog.search.saveSynonym.mutate(
          input as Parameters<typeof catalog.search.saveSynonym.mutate>[0],
        ),
      );
      expect(refusal.httpStatus, JSON.stringify(input)).toBe(400);
    }
  });
});

describe('zero-result queries', () => {
  it('lists searches that found nothing, most frequent first, for catalog staff', async () => {
    const { AnalyticsEvent } = analyticsModels(await connectDomainDatabase('analytics'));
    const search = (query: string, zeroResults: boolean) => ({
      name: 'search/search.performed',
      occurredAt: new Date(),
      source: 'test',
      properties: { query, normalizedQuery: query, zeroResults, resultCount: zeroResults ? 0 : 3 },
    });
    await AnalyticsEvent.insertMany([
      search('divan', true),
      search('divan', true),
      search('hoodie', true),
      search('lamp', false),
    ]);
    const { items } = await catalog.analytics.zeroResultQueries.query({});
    expect(items.map((item) => [item.query, item.count])).toEqual([
      ['divan', 2],
      ['hoodie', 1],
    ]);
    expect(await failureOf(catalog.analytics.zeroResultQueries.query({ days: 0 }))).toMatchObject({
      httpStatus: 400,
    });
  });
});
