import type { OrderAddressView } from './order-types';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** "DE" → "Germany"; an unknown or blank code is shown as it is. */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A postal address, one part per line, as the order copied it at checkout. */
export function OrderAddress({ address }: { address: OrderAddressView | null | undefined }) {
  if (!address || !(address.name || address.line1 || address.city)) {
    return <p className="text-sm text-ink-muted">No address on this order.</p>;
  }
  const lines = [
    address.name,
    address.line1,
    address.line2,
    [address.postcode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country),
    address.phone,
  ].filter((line): line is string => Boolean(line?.trim()));
  return (
    <address className="text-sm leading-6 text-ink not-italic">
      {lines.map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}
