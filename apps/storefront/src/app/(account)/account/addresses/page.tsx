import type { Metadata } from 'next';
import { requireSession } from '@/auth/current-session';
import { AccountHeading } from '@/components/account/account-heading';
import { cellsAs } from '@/auth/signed-in-cells';
import { AddressBook } from '@/components/account/address-book';
import { UnavailableSection } from '@/components/account/unavailable-section';
import { callCell } from '@/server/cell-call';

// Per shopper, on every request.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Addresses' };

export default async function AddressesPage() {
  const session = await requireSession('/account/addresses');
  const client = cellsAs(session);
  const [addresses, countries] = await Promise.all([
    callCell(({ signal }) => client.user.listAddresses.query(undefined, { signal })),
    callCell(({ signal }) => client.user.supportedCountries.query(undefined, { signal })),
  ]);
  return (
    <>
      <AccountHeading session={session} />
      <h2 className="sr-only">Addresses</h2>
      {addresses.ok && countries.ok ? (
        <AddressBook addresses={addresses.data.items} countries={countries.data.items} />
      ) : (
        <UnavailableSection what="addresses" />
      )}
    </>
  );
}
