import { connectDomainDatabase } from '@shop/db';
import { authModels } from '@shop/db/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AddressView,
  CustomerDetail,
  CustomerPage,
  ProfileView,
} from '../src/cells/user/views';
import type { CellHost } from '../src/host';
import { seededTestDatabases, startTestHost, stopTestHosts } from './support/test-host';
import { callsAs, dataOf, errorOf, tokenFor } from './support/user-test-calls';

let host: CellHost;
let shopper: { token: string; accountId: string };

const amsterdam = {
  name: 'Alice Example',
  line1: 'Damrak 1',
  city: 'Amsterdam',
  postcode: '1012lg',
  country: 'nl',
};
const berlin = {
  name: 'Alice Example',
  line1: 'Unter den Linden 5',
  city: 'Berlin',
  postcode: '10117',
  country: 'DE',
  phone: '+49 30 1234567',
};

beforeAll(async () => {
  await seededTestDatabases();
  const { Account } = authModels(await connectDomainDatabase('auth'));
  const shopperAccount = await Account.findOne({ email: 'shopper@example.com' }).orFail().lean();
  host = await startTestHost(['auth', 'user']);
  shopper = await tokenFor(['customer'], {
    accountId: shopperAccount._id.toHexString(),
    email: 'shopper@example.com',
  });
});
afterAll(async () => {
  await stopTestHosts(host);
});

const as = (token?: string) => callsAs(host.url, token);
const newCustomer = async () => {
  const { token, accountId, email } = await tokenFor(['customer']);
  return { ...as(token), accountId, email };
};

describe('profile', () => {
  it('the demo shopper reads their seeded profile', async () => {
    const profile = dataOf<ProfileView>(await as(shopper.token).query('getProfile'));
    expect(profile).toMatchObject({
      accountId: shopper.accountId,
      name: 'Sam Shopper',
      avatarUrl: null,
      preferences: { marketingConsent: false, language: 'en', currency: 'EUR' },
    });
  });

  it('refuses a caller without a token', async () => {
    const response = await as().query('getProfile');
    expect(response.status).toBe(401);
  });

  it('creates a profile on first read for an account that has none yet', async () => {
    const alice = await newCustomer();
    const profile = dataOf<ProfileView>(await alice.query('getProfile'));
    expect(profile).toMatchObject({
      accountId: alice.accountId,
      name: alice.email.split('@')[0],
      phone: null,
      preferences: { marketingConsent: false, language: 'en', currency: 'EUR' },
    });
  });

  it('updates name, phone (normalised to E.164) and avatar; null removes them', async () => {
    const alice = await newCustomer();
    const updated = dataOf<ProfileView>(
      await alice.mutate('updateProfile', {
        name: '  Alice Example ',
        phone: '0031 (6) 1234-5678',
        avatarUrl: 'https://images.example.com/alice.png',
      }),
    );
    expect(updated).toMatchObject({
      name: 'Alice Example',
      phone: '+31612345678',
      avatarUrl: 'https://images.example.com/alice.png',
    });
    const cleared = dataOf<ProfileView>(
      await alice.mutate('updateProfile', { phone: null, avatarUrl: '' }),
    );
    expect(cleared).toMatchObject({ name: 'Alice Example', phone: null, avatarUrl: null });
  });

  it.each([
    ['avatarUrl', { avatarUrl: 'http://images.example.com/a.png' }],
    ['avatarUrl', { avatarUrl: 'javascript:alert(1)' }],
    ['avatarUrl', { avatarUrl: `https://example.com/${'a'.repeat(600)}` }],
    ['phone', { phone: '612345678' }],
    ['phone', { phone: 'call me' }],
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(101) }],
    ['name', { name: 'Alice\u0000' }],
  ])('refuses a bad %s with 400 naming the field', async (field, input) => {
    const alice = await newCustomer();
    const response = await alice.mutate('updateProfile', input);
    expect(response.status).toBe(400);
    expect(errorOf(response).data.issues?.map((issue) => issue.path)).toContain(field);
  });

  it('an empty update changes nothing and answers the profile', async () => {
    const alice = await newCustomer();
    const before = dataOf<ProfileView>(await alice.query('getProfile'));
    expect(dataOf<ProfileView>(await alice.mutate('updateProfile', {}))).toEqual(before);
    expect(dataOf<ProfileView>(await alice.mutate('updatePreferences', {}))).toEqual(before);
  });

  it('says what a phone number needs', async () => {
    const alice = await newCustomer();
    const response = await alice.mutate('updateProfile', { phone: '020 123 4567' });
    expect(errorOf(response).data.issues).toEqual([
      {
        path: 'phone',
        message: 'not a valid phone number: include the country code, e.g. +31 20 123 4567',
      },
    ]);
  });

  it('changes preferences only to offered languages and currencies', async () => {
    const alice = await newCustomer();
    const updated = dataOf<ProfileView>(
      await alice.mutate('updatePreferences', {
        marketingConsent: true,
        language: 'nl',
        currency: 'GBP',
      }),
    );
    expect(updated.preferences).toEqual({
      marketingConsent: true,
      language: 'nl',
      currency: 'GBP',
    });
    for (const input of [{ language: 'xx' }, { currency: 'BTC' }, { marketingConsent: 'yes' }]) {
      const response = await alice.mutate('updatePreferences', input);
      expect(response.status).toBe(400);
      expect(errorOf(response).data.issues?.[0]?.path).toBe(Object.keys(input)[0]);
    }
  });
});

describe('addresses', () => {
  it('the first address becomes the default for shipping and billing, postcode normalised', async () => {
    const alice = await newCustomer();
    const added = dataOf<AddressView>(await alice.mutate('addAddress', amsterdam));
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: 'Alice Example',
      line1: 'Damrak 1',
      line2: '',
      city: 'Amsterdam',
      region: '',
      postcode: '1012 LG',
      country: 'NL',
      phone: '',
      isDefaultShipping: true,
      isDefaultBilling: true,
    });
  });

  it('switches defaults per kind, and a removed default passes to the newest remaining address', async () => {
    const alice = await newCustomer();
    const first = dataOf<AddressView>(await alice.mutate('addAddress', amsterdam));
    const second = dataOf<AddressView>(await alice.mutate('addAddress', berlin));
    expect(second).toMatchObject({
      phone: '+49301234567',
      isDefaultShipping: false,
      isDefaultBilling: false,
    });

    const switched = dataOf<{ items: AddressView[] }>(
      await alice.mutate('setDefaultAddress', { id: second.id, kind: 'shipping' }),
    );
    const flags = (items: AddressView[]) =>
      items.map(({ id, isDefaultShipping, isDefaultBilling }) => ({
        id,
        isDefaultShipping,
        isDefaultBilling,
      }));
    expect(flags(switched.items)).toEqual([
      { id: first.id, isDefaultShipping: false, isDefaultBilling: true },
      { id: second.id, isDefaultShipping: true, isDefaultBilling: false },
    ]);

    const afterRemoval = dataOf<{ items: AddressView[] }>(
      await alice.mutate('removeAddress', { id: first.id }),
    );
    expect(flags(afterRemoval.items)).toEqual([
      { id: second.id, isDefaultShipping: true, isDefaultBilling: true },
    ]);
    const listed = dataOf<{ items: AddressView[] }>(await alice.query('listAddresses'));
    expect(listed.items.map((address) => address.id)).toEqual([second.id]);
  });

  it('adding the same address again (a retried request) returns the one already there', async () => {
    const alice = await newCustomer();
    const first = dataOf<AddressView>(await alice.mutate('addAddress', amsterdam));
    const again = dataOf<AddressView>(
      await alice.mutate('addAddress', { ...amsterdam, postcode: '1012 LG', city: 'AMSTERDAM' }),
    );
    expect(again.id).toBe(first.id);
    expect(dataOf<{ items: AddressView[] }>(await alice.query('listAddresses')).items).toHaveLength(
      1,
    );
  });

  it('updates some fields and checks the postcode against a changed country', async () => {
    const alice = await newCustomer();
    const { id } = dataOf<AddressView>(await alice.mutate('addAddress', amsterdam));
    const moved = dataOf<AddressView>(
      await alice.mutate('updateAddress', { id, line2: '3rd floor' }),
    );
    expect(moved).toMatchObject({ id, line2: '3rd floor', postcode: '1012 LG' });

    // A Dutch postcode is not a German one: changing only the country is refused.
    const refused = await alice.mutate('updateAddress', { id, country: 'DE' });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).data.issues).toEqual([
      { path: 'postcode', message: 'not a valid German postcode, e.g. 10115' },
    ]);
    const german = dataOf<AddressView>(
      await alice.mutate('updateAddress', { id, country: 'DE', postcode: '10117', city: 'Berlin' }),
    );
    expect(german).toMatchObject({ country: 'DE', postcode: '10117', city: 'Berlin' });
  });

  it('refuses a 21st address', async () => {
    const alice = await newCustomer();
    for (let index = 0; index < 20; index += 1) {
      const response = await alice.mutate('addAddress', { ...berlin, line1: `Street ${index}` });
      expect(response.status).toBe(200);
    }
    const response = await alice.mutate('addAddress', { ...berlin, line1: 'One too many' });
    expect(response.status).toBe(400);
    expect(errorOf(response).message).toMatch(/at most 20 addresses/);
  });

  it.each([
    ['NL', '1234ab', '1234 AB'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['GB', 'M1 1AE', 'M1 1AE'],
    ['US', '94105', '94105'],
    ['US', '941051234', '94105-1234'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['DE', '10115', '10115'],
    ['FR', '75 001', '75001'],
    ['BE', '1000', '1000'],
    ['ES', '28001', '28001'],
    ['IT', '00118', '00118'],
    ['SE', 'SE-11455', '114 55'],
    ['PL', '00950', '00-950'],
    ['IE', 'd02x285', 'D02 X285'],
    ['AU', '2000', '2000'],
  ])('accepts a valid %s postcode %s as %s', async (country, postcode, stored) => {
    const alice = await newCustomer();
    const added = dataOf<AddressView>(
      await alice.mutate('addAddress', { ...amsterdam, country, postcode }),
    );
    expect(added).toMatchObject({ country, postcode: stored });
  });

  it.each([
    ['NL', '123 AB', 'not a valid Dutch postcode, e.g. 1234 AB'],
    ['GB', '12345', 'not a valid UK postcode, e.g. SW1A 1AA'],
    ['US', '9410', 'not a valid US ZIP code, e.g. 94105'],
    ['CA', '123456', 'not a valid Canadian postal code, e.g. K1A 0B1'],
    ['DE', '1011', 'not a valid German postcode, e.g. 10115'],
    ['FR', '7500', 'not a valid French postcode, e.g. 75001'],
    ['BE', '10000', 'not a valid Belgian postcode, e.g. 1000'],
    ['ES', '99001', 'not a valid Spanish postcode, e.g. 28001'],
    ['IT', 'ABCDE', 'not a valid Italian postcode, e.g. 00118'],
    ['SE', '1145', 'not a valid Swedish postcode, e.g. 114 55'],
    ['PL', '0095', 'not a valid Polish postcode, e.g. 00-950'],
    ['IE', 'ZZZ ZZZZ', 'not a valid Irish Eircode, e.g. D02 X285'],
    ['AU', '200', 'not a valid Australian postcode, e.g. 2000'],
  ])('refuses an invalid %s postcode %s, naming the field', async (country, postcode, message) => {
    const alice = await newCustomer();
    const response = await alice.mutate('addAddress', { ...amsterdam, country, postcode });
    expect(response.status).toBe(400);
    expect(errorOf(response).data.issues).toEqual([{ path: 'postcode', message }]);
  });

  it('refuses a country the shop does not deliver to', async () => {
    const alice = await newCustomer();
    const response = await alice.mutate('addAddress', { ...amsterdam, country: 'XX' });
    expect(response.status).toBe(400);
    expect(errorOf(response).data.issues).toEqual([
      { path: 'country', message: 'not a country the shop delivers to' },
    ]);
  });

  it('lists supported countries publicly, with a postcode example each', async () => {
    const { items } = dataOf<{ items: { code: string; name: string; postcodeExample: string }[] }>(
      await as().query('supportedCountries'),
    );
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(items).toContainEqual({ code: 'NL', name: 'Netherlands', postcodeExample: '1234 AB' });
  });
});

describe("another user's addresses", () => {
  it('are invisible: reading, updating, defaulting and removing answer NOT_FOUND and change nothing', async () => {
    const alice = await newCustomer();
    const mallory = await newCustomer();
    const { id } = dataOf<AddressView>(await alice.mutate('addAddress', amsterdam));

    expect(dataOf<{ items: AddressView[] }>(await mallory.query('listAddresses')).items).toEqual(
      [],
    );
    for (const response of [
      await mallory.mutate('updateAddress', { id, line1: 'Stolen 1' }),
      await mallory.mutate('setDefaultAddress', { id, kind: 'shipping' }),
      await mallory.mutate('removeAddress', { id }),
    ]) {
      expect(response.status).toBe(404);
      expect(errorOf(response).message).toBe('No such address');
    }
    const [address] = dataOf<{ items: AddressView[] }>(await alice.query('listAddresses')).items;
    expect(address).toMatchObject({ id, line1: 'Damrak 1', isDefaultShipping: true });
    // Mallory's own defaults were not pointed at Alice's address either.
    const mallorys = dataOf<{ items: AddressView[] }>(await mallory.query('listAddresses'));
    expect(mallorys.items).toEqual([]);
  });

  it('an unknown address id answers exactly as another user’s does', async () => {
    const alice = await newCustomer();
    const response = await alice.mutate('removeAddress', { id: 'a'.repeat(24) });
    expect(response.status).toBe(404);
    expect(errorOf(response).message).toBe('No such address');
  });
});

describe('staff', () => {
  it('support (customers:read) finds a customer by email and reads their profile and addresses', async () => {
    const alice = await newCustomer();
    await alice.mutate('updateProfile', { name: 'Alice Example' });
    await alice.mutate('addAddress', amsterdam);
    await alice.mutate('addAddress', berlin);

    const support = as((await tokenFor(['support'])).token);
    const page = dataOf<CustomerPage>(
      await support.query('listCustomers', { q: alice.email.toUpperCase(), page: 1 }),
    );
    expect(page.items.map((item) => item.accountId)).toEqual([alice.accountId]);
    expect(page).toMatchObject({ page: 1, totalCount: 1, hasMore: false });
    const byName = dataOf<CustomerPage>(
      await support.query('listCustomers', { q: 'sam shop', page: 1 }),
    );
    expect(byName.items.map((item) => item.accountId)).toEqual([shopper.accountId]);

    const detail = dataOf<CustomerDetail>(
      await support.query('getCustomer', { accountId: alice.accountId }),
    );
    expect(detail.profile).toMatchObject({ name: 'Alice Example', email: alice.email });
    expect(detail.addresses.map((address) => address.postcode)).toEqual(['1012 LG', '10117']);
    expect(detail.addresses[0]).toMatchObject({ isDefaultShipping: true, isDefaultBilling: true });
  });

  it('search text is matched literally, not as a pattern', async () => {
    const support = as((await tokenFor(['support'])).token);
    const page = dataOf<CustomerPage>(await support.query('listCustomers', { q: '.*', page: 1 }));
    expect(page.items).toEqual([]);
  });

  it.each([
    ['customer', 403],
    ['analyst', 403],
    ['catalog_manager', 403],
  ] as const)('%s without customers:read is refused (%i)', async (role, status) => {
    const caller = as((await tokenFor([role])).token);
    expect((await caller.query('listCustomers', { page: 1 })).status).toBe(status);
    expect((await caller.query('getCustomer', { accountId: shopper.accountId })).status).toBe(
      status,
    );
  });

  it('without a token staff procedures answer 401', async () => {
    expect((await as().query('listCustomers', { page: 1 })).status).toBe(401);
  });

  it('order_manager may read customers but not edit them; support may edit', async () => {
    const alice = await newCustomer();
    dataOf(await alice.query('getProfile'));
    const orders = as((await tokenFor(['order_manager'])).token);
    expect((await orders.query('getCustomer', { accountId: alice.accountId })).status).toBe(200);
    const refused = await orders.mutate('updateCustomer', {
      accountId: alice.accountId,
      name: 'X',
    });
    expect(refused.status).toBe(403);

    const support = as((await tokenFor(['support'])).token);
    const edited = dataOf<CustomerDetail>(
      await support.mutate('updateCustomer', { accountId: alice.accountId, name: 'Alice Fixed' }),
    );
    expect(edited.profile.name).toBe('Alice Fixed');
    expect(dataOf<ProfileView>(await alice.query('getProfile')).name).toBe('Alice Fixed');
  });

  it('an unknown customer is NOT_FOUND', async () => {
    const support = as((await tokenFor(['support'])).token);
    const response = await support.query('getCustomer', { accountId: 'b'.repeat(24) });
    expect(response.status).toBe(404);
  });
});

describe('hostile input', () => {
  it.each([
    ['addAddress', { ...amsterdam, postcode: { $gt: '' } }],
    ['addAddress', { ...amsterdam, country: { $ne: null } }],
    ['addAddress', { ...amsterdam, accountId: 'a'.repeat(24) }],
    ['updateAddress', { id: { $gt: '' }, line1: 'x' }],
    ['removeAddress', { id: { $ne: null } }],
    ['removeAddress', { id: 'not-an-id' }],
    ['setDefaultAddress', { id: 'a'.repeat(24), kind: { $in: ['shipping'] } }],
    ['updateProfile', { name: { $gt: '' } }],
    ['updateProfile', { accountId: 'a'.repeat(24), name: 'Eve' }],
    ['updatePreferences', { language: { $regex: '.*' } }],
  ])('%s refuses operator-shaped or foreign fields with 400: %j', async (path, input) => {
    const alice = await newCustomer();
    const response = await alice.mutate(path, input);
    expect(response.status).toBe(400);
  });

  it('staff queries refuse operator-shaped input with 400', async () => {
    const support = as((await tokenFor(['support'])).token);
    expect((await support.query('getCustomer', { accountId: { $gt: '' } })).status).toBe(400);
    expect((await support.query('listCustomers', { q: { $regex: '.*' }, page: 1 })).status).toBe(
      400,
    );
  });

  it('oversized fields are refused with 400, not stored and not a 500', async () => {
    const alice = await newCustomer();
    for (const input of [
      { ...amsterdam, line1: 'x'.repeat(10_000) },
      { ...amsterdam, city: 'x'.repeat(101) },
      { ...amsterdam, postcode: '1'.repeat(100) },
    ]) {
      const response = await alice.mutate('addAddress', input);
      expect(response.status).toBe(400);
    }
    const support = as((await tokenFor(['support'])).token);
    const longQuery = await support.query('listCustomers', { q: 'x'.repeat(101), page: 1 });
    expect(longQuery.status).toBe(400);
    expect(dataOf<{ items: AddressView[] }>(await alice.query('listAddresses')).items).toEqual([]);
  });
});
