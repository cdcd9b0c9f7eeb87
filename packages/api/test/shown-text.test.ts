import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressView, ProfileView } from '../src/cells/user/views';
import type { CellHost } from '../src/host';
import { requiredShownText, shownParagraphs, shownText } from '../src/text-input/shown-text';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { callsAs, dataOf, errorOf, tokenFor } from './support/user-test-calls';

const bidiControls = [
  '\u061C',
  '\u200E',
  '\u200F',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
// Characters a browser renders as nothing (or blank) that String.prototype.trim() keeps.
const invisibles = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u3164'];
const blank = fc
  .array(fc.constantFrom(...invisibles, ' ', '\u00A0', '\u3000'), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''));

describe('shown text', () => {
  it('counts a value of only invisible characters and spaces as empty', () => {
    fc.assert(
      fc.property(blank, (value) => {
        const result = requiredShownText(100).safeParse(value);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.message)).toEqual(['required']);
      }),
    );
  });

  it('refuses a direction-changing character anywhere in the value', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...bidiControls),
        fc.string({ maxLength: 20 }),
        (before, control, after) => {
          const value = `Ann${before}${control}${after}`;
          for (const schema of [shownText(100), requiredShownText(100), shownParagraphs(100)]) {
            const result = schema.safeParse(value);
            expect(result.success).toBe(false);
            expect(result.error?.issues.map((issue) => issue.message)).toContain(
              'contains a direction-changing character; type the text as it should read',
            );
          }
        },
      ),
    );
  });

  it('stores every spelling of the same text the same way (NFC, edges trimmed)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
        blank,
        (typed, edge) => {
          const text = shownParagraphs(200);
          const composed = text.safeParse(typed.normalize('NFC'));
          const decomposed = text.safeParse(`${edge}${typed.normalize('NFD')}${edge}`);
          expect(decomposed.success).toBe(composed.success);
          if (composed.success && decomposed.success) expect(decomposed.data).toBe(composed.data);
        },
      ),
    );
  });

  it('keeps what is writing: joiners inside emoji and words, accents, line breaks in paragraphs', () => {
    expect(requiredShownText(50).parse('Zoë 👩\u200D💻')).toBe('Zoë 👩\u200D💻');
    expect(requiredShownText(50).parse('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(shownParagraphs(50).parse('Line one\r\nLine two\tend')).toBe('Line one\nLine two\tend');
    expect(shownText(50).safeParse('Line one\nLine two').success).toBe(false);
    expect(requiredShownText(50).parse('\u200B Ann \uFEFF')).toBe('Ann');
  });
});

describe('names and addresses other people see, over HTTP', () => {
  let host: CellHost;
  beforeAll(async () => {
    await seededTestDatabases();
    host = await startTestHost(['auth', 'user']);
  });
  afterAll(() => stopTestHosts(host));

  const newCustomer = async () => callsAs(host.url, (await tokenFor(['customer'])).token);
  const address = {
    name: 'Alice Example',
    line1: 'Damrak 1',
    city: 'Amsterdam',
    postcode: '1012lg',
    country: 'NL',
  };

  it('refuses a name of only a zero-width space with 400 and keeps the old name', async () => {
    const customer = await newCustomer();
    dataOf(await customer.mutate('updateProfile', { name: 'Nora Visible' }));
    const refused = await customer.mutate('updateProfile', { name: '\u200B' });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).data.issues).toEqual([{ path: 'name', message: 'required' }]);
    expect(dataOf<ProfileView>(await customer.query('getProfile')).name).toBe('Nora Visible');
  });

  it('refuses an address line with a right-to-left override and stores no address', async () => {
    const customer = await newCustomer();
    const refused = await customer.mutate('addAddress', {
      ...address,
      line1: 'Damrak 1 \u202Egnp.exe',
    });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).data.issues).toEqual([
      {
        path: 'line1',
        message: 'contains a direction-changing character; type the text as it should read',
      },
    ]);
    expect(dataOf<{ items: AddressView[] }>(await customer.query('listAddresses')).items).toEqual(
      [],
    );
  });

  it('stores a name typed with decomposed accents and stray invisibles as NFC, trimmed', async () => {
    const customer = await newCustomer();
    const saved = dataOf<AddressView>(
      await customer.mutate('addAddress', {
        ...address,
        name: `\u200B${'Zoë Ångström'.normalize('NFD')}\uFEFF `,
      }),
    );
    expect(saved.name).toBe('Zoë Ångström'.normalize('NFC'));
    expect(saved.name).toHaveLength(12);
  });
});
