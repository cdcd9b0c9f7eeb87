import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../src/cells/search/views';
import { createCellClient } from '../src/client';
import type { CellHost } from '../src/host';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';

// Issue 19's examples, run against the seeded demo catalogue (the generated 2,000 products) as a
// shopper would type them into the storefront's search box.

let host: CellHost;
let client: ReturnType<typeof createCellClient>;

beforeAll(async () => {
  await seededTestDatabases();
  host = await startTestHost(['search']);
  client = createCellClient({ urlFor: () => `${host.url}/trpc` });
});
afterAll(async () => {
  await stopTestHosts(host);
});

const names = (answer: SearchResults) => answer.results.map((result) => result.name);
const search = (q: string) => client.search.query.query({ q, pageSize: 24 });

describe('a swapped pair of letters in a five-letter word still finds the product', () => {
  it.each([
    ['shrit', /\bShirt\b/],
    ['tabel', /\bTable\b/],
    ['twoel', /\bTowel\b/],
    ['knfie', /\bKnife\b/],
  ])('"%s" finds them, every result on the first page is one', async (q, wanted) => {
    const answer = await search(q);
    expect(answer.totalCount).toBeGreaterThan(0);
    for (const name of names(answer)) expect(name).toMatch(wanted);
    expect(answer.queryUsed).toBeNull();
  });
});

describe('a word no product contains no longer empties the result', () => {
  it.each([
    ['coffee mug', /\bMug\b/, 'mug'],
    ['mens shirt', /\bShirt\b/, 'shirt'],
    ['waterproof jacket', /\bJacket\b/, 'jacket'],
  ])('"%s" finds them and says which words it searched for', async (q, wanted, used) => {
    const answer = await search(q);
    expect(answer.totalCount).toBeGreaterThan(0);
    expect(names(answer)[0]).toMatch(wanted);
    expect(answer.queryUsed).toBe(used);
  });

  it('"waterproof jacket" shows rain jackets on the first page', async () => {
    const answer = await search('waterproof jacket');
    expect(names(answer).some((name) => /\bRain Jacket\b/.test(name))).toBe(true);
  });
});

describe('the closer match ranks first', () => {
  it('"walunt" lists walnut products above every wallet', async () => {
    const answer = await search('walunt');
    const first = names(answer);
    expect(first.length).toBeGreaterThan(0);
    for (const name of first) expect(name).toMatch(/\bWalnut\b/);
  });

  it.each(['tshirt', 't-shirt', 't shirt'])(
    '"%s" lists T-shirts above oxford shirts',
    async (q) => {
      const answer = await search(q);
      const first = names(answer);
      expect(first[0]).toMatch(/\bT-Shirt\b/);
      const lastTShirt = first.findLastIndex((name) => /\bT-Shirt\b/.test(name));
      const firstOxford = first.findIndex((name) => /\bOxford Shirt\b/.test(name));
      if (firstOxford >= 0) expect(firstOxford).toBeGreaterThan(lastTShirt);
    },
  );
});

describe('did you mean', () => {
  it('offers a correction that finds many more products ("lamb" -> "lamp")', async () => {
    const answer = await search('lamb');
    expect(names(answer)[0]).toMatch(/Lambswool/);
    expect(answer.didYouMean).toBe('lamp');
    const corrected = await search('lamp');
    expect(corrected.totalCount).toBeGreaterThan(3 * answer.totalCount);
  });

  it('offers none when the typo already finds what the correction would', async () => {
    const answer = await search('walunt');
    expect(answer.didYouMean).toBeNull();
  });

  it('reads a compound written as one word as two ("desklamp")', async () => {
    const answer = await search('desklamp');
    expect(answer.queryUsed).toBe('desk lamp');
    for (const name of names(answer)) expect(name).toMatch(/Desk Lamp/);
  });
});

describe('searching exactly', () => {
  it('exact: every word as typed, nothing dropped (the "search instead for" link)', async () => {
    const answer = await client.search.query.query({ q: 'coffee mug', exact: true });
    expect(answer).toMatchObject({ totalCount: 0, queryUsed: null });
  });

  it('a precise query is followed by close alternatives, the full matches first', async () => {
    const precise = await client.search.query.query({ q: 'oak desk lamp', exact: true });
    const filled = await search('oak desk lamp');
    expect(precise.totalCount).toBeGreaterThan(0);
    expect(filled.totalCount).toBeGreaterThan(precise.totalCount);
    expect(filled.queryUsed).toBeNull();
    const shown = Math.min(precise.totalCount, 24);
    for (const name of names(filled).slice(0, shown)) expect(name).toMatch(/Oak Desk Lamp/);
    // Then other desk lamps ("desk lamp"), then other lamps: words dropped from the front.
    expect(names(filled)[shown]).toMatch(/Desk Lamp/);
    for (const name of names(filled)) expect(name).toMatch(/Lamp/);
  });
});
