/**
 * What the order pages need from the order cell's views (contract of issue 5: `order.get`,
 * `order.list`). Written structurally so the components do not depend on the router's types:
 * a page passes the cell's answer and the compiler checks it fits.
 */
export interface OrderAddressView {
  name?: string | null;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postcode?: string | null;
  country?: string | null;
  phone?: string | null;
}

export interface OrderLineView {
  sku: string;
  productSlug?: string | null;
  name: string;
  variantLabel?: string | null;
  imageUrl?: string | null;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
}

export interface OrderHistoryView {
  from?: string | null;
  to: string;
  at: string;
  actorType: string;
  reason?: string | null;
}

export interface OrderDetailView {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  lines: readonly OrderLineView[];
  subtotalMinor: number;
  discountMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  currency: string;
  discount?: { code: string } | null;
  shipping?: {
    name: string;
    minDays?: number | null;
    maxDays?: number | null;
  } | null;
  paymentMethod: string;
  payment?: { provider: string; failureMessage?: string | null } | null;
  shipment?: {
    carrier: string;
    trackingNumber: string;
    trackingUrl?: string | null;
    shippedAt: string;
  } | null;
  deliveredAt?: string | null;
  refundedMinor: number;
  refunds: readonly { refundId: string; amountMinor: number; reason?: string | null; at: string }[];
  history: readonly OrderHistoryView[];
  cancellation?: { code: string; message: string } | null;
  customer: { name?: string | null; email?: string | null };
  shippingAddress?: OrderAddressView | null;
  canCancel: boolean;
}

export interface OrderSummaryView {
  id: string;
  number: string;
  status: string;
  placedAt: string;
  totalMinor: number;
  currency: string;
  itemCount: number;
  firstLineName: string;
}
