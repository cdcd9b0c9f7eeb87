import { Column, Row, Section, Text } from '@react-email/components';
import { brand } from './brand';
import { formatMoney } from '@shop/money';
import type { OrderLine, PostalAddress } from './order-props';

/**
 * Pieces of the order emails, inside the shared layout: the lines, the totals, an address and
 * label/value details. Two-column rows in HTML; in the plain-text part each cell is its own line,
 * so "2 × €39.00" and the line total stay readable without the table.
 */

const cell = { color: brand.ink, fontSize: '15px', lineHeight: '22px', margin: 0 };
const muted = { ...cell, color: brand.inkMuted, fontSize: '14px' };
const amount = { ...cell, textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
const sectionLabel = {
  ...muted,
  fontSize: '12px',
  fontWeight: 600,
  letterSpacing: '0.04em',
  textTransform: 'uppercase' as const,
  margin: '0 0 8px',
};

export function SectionLabel({ children }: { children: string }) {
  return <Text style={sectionLabel}>{children}</Text>;
}

export function OrderLines({ lines, currency }: { lines: OrderLine[]; currency: string }) {
  return (
    <Section style={{ margin: '0 0 8px' }}>
      {lines.map((line, index) => (
        <Row key={index} data-columns="" style={{ borderBottom: `1px solid ${brand.line}` }}>
          <Column style={{ padding: '10px 0', verticalAlign: 'top' }}>
            <Text style={{ ...cell, fontWeight: 600 }}>{line.name}</Text>
            {line.variantLabel ? <Text style={muted}>{line.variantLabel}</Text> : null}
            <Text style={muted}>
              {line.quantity} × {formatMoney(line.unitPriceMinor, currency)}
            </Text>
          </Column>
          <Column style={{ padding: '10px 0 10px 16px', verticalAlign: 'top', width: '120px' }}>
            <Text style={amount}>{formatMoney(line.lineTotalMinor, currency)}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}

export interface TotalsProps {
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
  /** True: the prices include VAT and `taxMinor` is the VAT they contain; false: tax was added. */
  pricesIncludeTax: boolean;
}

/**
 * Subtotal, discount (only when there is one), shipping ("Free" at 0), and the total. Tax added
 * on top is a row before the total ("Tax added"); VAT contained in the prices is said after it
 * ("incl. VAT"), since it does not add up into the total.
 */
export function OrderTotals(totals: TotalsProps) {
  const money = (value: number) => formatMoney(value, totals.currency);
  const included = totals.pricesIncludeTax;
  const rows: [string, string][] = [
    [included ? 'Subtotal (incl. VAT)' : 'Subtotal (excl. tax)', money(totals.subtotalMinor)],
  ];
  if (totals.discountMinor > 0) rows.push(['Discount', `−${money(totals.discountMinor)}`]);
  rows.push(['Shipping', totals.shippingMinor === 0 ? 'Free' : money(totals.shippingMinor)]);
  if (!included) rows.push(['Tax added', money(totals.taxMinor)]);
  const mutedAmount = { ...amount, color: brand.inkMuted, fontSize: '14px' };
  return (
    <Section style={{ margin: '0 0 24px' }}>
      {rows.map(([label, value]) => (
        <Row key={label} data-columns="">
          <Column style={{ padding: '4px 0' }}>
            <Text style={muted}>{label}</Text>
          </Column>
          <Column style={{ padding: '4px 0', width: '120px' }}>
            <Text style={mutedAmount}>{value}</Text>
          </Column>
        </Row>
      ))}
      <Row data-columns="" style={{ borderTop: `1px solid ${brand.line}` }}>
        <Column style={{ padding: '10px 0 0' }}>
          <Text style={{ ...cell, fontWeight: 600 }}>Total</Text>
        </Column>
        <Column style={{ padding: '10px 0 0', width: '120px' }}>
          <Text style={{ ...amount, fontWeight: 600 }}>{money(totals.totalMinor)}</Text>
        </Column>
      </Row>
      {included ? (
        <Row data-columns="">
          <Column style={{ padding: '4px 0' }}>
            <Text style={muted}>incl. VAT</Text>
          </Column>
          <Column style={{ padding: '4px 0', width: '120px' }}>
            <Text style={mutedAmount}>{money(totals.taxMinor)}</Text>
          </Column>
        </Row>
      ) : null}
    </Section>
  );
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code Intl knows: show it as given
  }
}

/** The address as it would be written on the parcel, one line per part. */
export function AddressBlock({ address }: { address: PostalAddress }) {
  const lines = [
    address.name,
    address.line1,
    address.line2,
    [address.postcode, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country),
  ].filter((line) => line.trim() !== '');
  return (
    <Section style={{ margin: '0 0 16px' }}>
      {lines.map((line, index) => (
        <Text key={index} style={cell}>
          {line}
        </Text>
      ))}
    </Section>
  );
}

/** "Label: value" pairs (order number, shipping method, carrier...); empty values left out. */
export function DetailList({ items }: { items: [string, string][] }) {
  return (
    <Section style={{ margin: '0 0 16px' }}>
      {items
        .filter(([, value]) => value.trim() !== '')
        .map(([label, value]) => (
          <Text key={label} style={cell}>
            <span style={{ color: brand.inkMuted }}>{label}:</span> {value}
          </Text>
        ))}
    </Section>
  );
}
