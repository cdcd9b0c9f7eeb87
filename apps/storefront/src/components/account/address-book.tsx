'use client';

import { Badge, Button, Card, CardBody, CardHeader, EmptyState } from '@shop/ui';
import { useState, useTransition } from 'react';
import { removeAddress, setDefaultAddress } from '@/app/(account)/_actions/account';
import { AddressForm } from './address-form';
import type { Address, Country } from './address-types';
import { FormMessage, type FormState } from '@shop/ui/form';

/** Every saved address, with edit, remove and "make default" in place, and a form to add one. */
export function AddressBook({
  addresses,
  countries,
}: {
  addresses: readonly Address[];
  countries: readonly Country[];
}) {
  // Which address is being edited ('new' for the add form).
  const [editing, setEditing] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<FormState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;

  const act = (action: (data: FormData) => Promise<FormState>, fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    startTransition(async () => setOutcome(await action(data)));
  };

  const finishEditing = (saved?: FormState) => {
    setEditing(null);
    setOutcome(saved ?? { status: 'idle' });
  };

  return (
    <Card>
      <CardHeader
        title="Addresses"
        description="Where your orders go and where bills are sent."
        action={
          editing === 'new' ? null : (
            <Button size="sm" onClick={() => setEditing('new')}>
              Add an address
            </Button>
          )
        }
      />
      <CardBody className="flex flex-col gap-5">
        <div aria-live="polite">
          <FormMessage state={outcome} />
        </div>
        {editing === 'new' ? (
          <section
            aria-labelledby="new-address-heading"
            className="rounded-card border border-line p-4"
          >
            <h3 id="new-address-heading" className="mb-4 text-sm font-semibold text-ink">
              New address
            </h3>
            <AddressForm countries={countries} onDone={finishEditing} />
          </section>
        ) : null}
        {addresses.length === 0 && editing !== 'new' ? (
          <EmptyState
            title="No addresses yet"
            description="Add one now and it is ready at checkout."
            action={<Button onClick={() => setEditing('new')}>Add an address</Button>}
          />
        ) : null}
        <ul className="grid gap-4 md:grid-cols-2">
          {addresses.map((address) => (
            <li
              key={address.id}
              data-testid="address-card"
              className={editing === address.id ? 'md:col-span-2' : undefined}
            >
              <article
                aria-label={address.name}
                className="flex h-full flex-col gap-3 rounded-card border border-line p-4"
              >
                {editing === address.id ? (
                  <AddressForm address={address} countries={countries} onDone={finishEditing} />
                ) : (
                  <>
                    <div className="flex flex-wrap gap-2">
                      {address.isDefaultShipping ? (
                        <Badge tone="accent">Default shipping</Badge>
                      ) : null}
                      {address.isDefaultBilling ? <Badge tone="info">Default billing</Badge> : null}
                    </div>
                    <address className="text-sm leading-6 text-ink not-italic">
                      <span className="font-medium">{address.name}</span>
                      <br />
                      {address.line1}
                      {address.line2 ? (
                        <>
                          <br />
                          {address.line2}
                        </>
                      ) : null}
                      <br />
                      {address.postcode} {address.city}
                      {address.region ? `, ${address.region}` : ''}
                      <br />
                      {countryName(address.country)}
                      {address.phone ? (
                        <>
                          <br />
                          {address.phone}
                        </>
                      ) : null}
                    </address>
                    <div className="mt-auto flex flex-wrap gap-2 pt-2">
                      <Button size="sm" variant="secondary" onClick={() => setEditing(address.id)}>
                        Edit<span className="sr-only"> {address.name}</span>
                      </Button>
                      {address.isDefaultShipping ? null : (
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={pending}
                          onClick={() =>
                            act(setDefaultAddress, { id: address.id, kind: 'shipping' })
                          }
                        >
                          Use for shipping
                        </Button>
                      )}
                      {address.isDefaultBilling ? null : (
                        <Button
                          size="sm"
                          variant="ghost"
                          disabled={pending}
                          onClick={() =>
                            act(setDefaultAddress, { id: address.id, kind: 'billing' })
                          }
                        >
                          Use for billing
                        </Button>
                      )}
                      <Button
                        size="sm"
                        variant="ghost"
                        className="text-danger"
                        disabled={pending}
                        onClick={() => {
                          if (window.confirm(`Remove the address for ${address.name}?`)) {
                            act(removeAddress, { id: address.id });
                          }
                        }}
                      >
                        Remove<span className="sr-only"> {address.name}</span>
                      </Button>
                    </div>
                  </>
                )}
              </article>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
