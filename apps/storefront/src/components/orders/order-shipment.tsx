import { formatOrderTime } from '@shop/ui';
import type { OrderDetailView } from './order-types';

/**
 * A tracking URL the page may link to: http(s) only, so a bad value in the data can never become
 * a `javascript:` link.
 */
export function safeTrackingUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** Carrier, tracking number and the carrier's tracking page; the delivery date once delivered. */
export function OrderShipment({
  shipment,
  deliveredAt,
}: Pick<OrderDetailView, 'shipment' | 'deliveredAt'>) {
  if (!shipment) return null;
  const trackingUrl = safeTrackingUrl(shipment.trackingUrl);
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="order-shipment">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1.5">
        <dt className="text-ink-muted">Carrier</dt>
        <dd className="text-ink">{shipment.carrier}</dd>
        <dt className="text-ink-muted">Tracking number</dt>
        <dd className="font-mono break-all text-ink">{shipment.trackingNumber}</dd>
        <dt className="text-ink-muted">Shipped</dt>
        <dd className="text-ink">{formatOrderTime(shipment.shippedAt)}</dd>
        {deliveredAt ? (
          <>
            <dt className="text-ink-muted">Delivered</dt>
            <dd className="text-ink">{formatOrderTime(deliveredAt)}</dd>
          </>
        ) : null}
      </dl>
      {trackingUrl ? (
        <a
          href={trackingUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="font-medium text-accent-700 underline underline-offset-4 hover:text-accent-800"
        >
          Track your parcel with {shipment.carrier}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      ) : null}
    </div>
  );
}
