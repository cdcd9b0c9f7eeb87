'use client';

import { formatMoney } from '@shop/money';
import { TextField } from '@shop/ui';
import { useRef, useState, type ReactNode } from 'react';
import {
  markDelivered,
  markProcessing,
  markShipped,
  refundOrder,
  staffCancel,
} from '@/app/orders/actions';
import { parseMoneyInput } from './money-input';
import { StaffActionForm } from './staff-action-form';

/** Statuses staff may still cancel from (before shipping), as the order cell enforces. */
const cancellable = new Set(['PENDING', 'PAYMENT_PROCESSING', 'CONFIRMED', 'PROCESSING']);

function ActionSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3 border-t border-line pt-4 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-semibold text-ink">{title}</h3>
      {children}
    </section>
  );
}

/**
 * What staff can do with the order now: only the transitions its status allows are offered, and
 * only to roles that may make them (orders:write; refunds need payments:refund). The cells check
 * both again.
 */
export function OrderActions({
  orderId,
  number,
  status,
  currency,
  refundableMinor,
  canWrite,
  canRefund,
}: {
  orderId: string;
  number: string;
  status: string;
  currency: string;
  /** Captured minus refunded across the order's payments; null when payments are unknown. */
  refundableMinor: number | null;
  canWrite: boolean;
  canRefund: boolean;
}) {
  // One idempotency key per refund the staff member means: a retry of the same amount and
  // reason (after a timeout, a double click) reuses it; a changed amount or a success starts anew.
  // Made on first submit, in the browser (a key rendered on the server would not hydrate).
  const refundKey = useRef<{ key: string; fingerprint: string } | null>(null);
  const [amountError, setAmountError] = useState<string>();
  const sections: ReactNode[] = [];

  if (canWrite && status === 'CONFIRMED') {
    sections.push(
      <ActionSection key="processing" title="Prepare">
        <StaffActionForm
          action={markProcessing.bind(null, orderId)}
          submitLabel="Mark processing"
          pendingLabel="Saving…"
          testId="mark-processing"
        >
          {(state) => (
            <TextField
              label="Note (optional)"
              name="note"
              maxLength={500}
              error={state.fieldErrors?.note}
            />
          )}
        </StaffActionForm>
      </ActionSection>,
    );
  }
  if (canWrite && status === 'PROCESSING') {
    sections.push(
      <ActionSection key="shipped" title="Ship">
        <StaffActionForm
          action={markShipped.bind(null, orderId)}
          submitLabel="Mark shipped"
          pendingLabel="Saving…"
          testId="mark-shipped"
        >
          {(state) => (
            <>
              <TextField
                label="Carrier"
                name="carrier"
                required
                maxLength={100}
                placeholder="DHL"
                error={state.fieldErrors?.carrier}
              />
              <TextField
                label="Tracking number"
                name="trackingNumber"
                required
                maxLength={100}
                autoComplete="off"
                error={state.fieldErrors?.trackingNumber}
              />
              <TextField
                label="Tracking link (optional)"
                name="trackingUrl"
                type="url"
                inputMode="url"
                maxLength={500}
                placeholder="https://"
                hint="The carrier's page for this parcel; the customer gets it by email."
                error={state.fieldErrors?.trackingUrl}
              />
            </>
          )}
        </StaffActionForm>
      </ActionSection>,
    );
  }
  if (canWrite && status === 'SHIPPED') {
    sections.push(
      <ActionSection key="delivered" title="Deliver">
        <StaffActionForm
          action={markDelivered.bind(null, orderId)}
          submitLabel="Mark delivered"
          pendingLabel="Saving…"
          testId="mark-delivered"
        />
      </ActionSection>,
    );
  }
  if (canRefund && refundableMinor !== null && refundableMinor > 0) {
    const refundable = formatMoney(refundableMinor, currency);
    sections.push(
      <ActionSection key="refund" title="Refund">
        <p className="text-sm text-ink-muted" data-testid="refundable">
          Up to {refundable} can still be refunded.
        </p>
        <StaffActionForm
          action={(data) => {
            // Checked here for a quick answer; the server parses again and the payment cell
            // refuses more than what is refundable.
            const amount = parseMoneyInput(String(data.get('amount') ?? ''));
            const problem = !amount.ok
              ? amount.message
              : amount.minor > refundableMinor
                ? `At most ${refundable} can be refunded.`
                : undefined;
            setAmountError(problem);
            if (problem) return Promise.resolve({ status: 'error' as const });
            const fingerprint = `${amount.ok ? amount.minor : ''}|${String(data.get('reason') ?? '').trim()}`;
            if (refundKey.current?.fingerprint !== fingerprint) {
              refundKey.current = { key: crypto.randomUUID(), fingerprint };
            }
            data.set('idempotencyKey', refundKey.current.key);
            return refundOrder(orderId, data);
          }}
          submitLabel="Refund"
          pendingLabel="Refunding…"
          variant="secondary"
          onSuccess={() => {
            refundKey.current = null;
          }}
          testId="refund"
        >
          {(state) => (
            <>
              <TextField
                label="Amount (EUR)"
                name="amount"
                inputMode="decimal"
                autoComplete="off"
                placeholder="12.50"
                hint="Euros and cents, e.g. 12.50 or 12,50."
                error={amountError ?? state.fieldErrors?.amount}
              />
              <TextField
                label="Reason (optional)"
                name="reason"
                maxLength={500}
                error={state.fieldErrors?.reason}
              />
            </>
          )}
        </StaffActionForm>
      </ActionSection>,
    );
  }
  if (canWrite && cancellable.has(status)) {
    sections.push(
      <ActionSection key="cancel" title="Cancel">
        <StaffActionForm
          action={staffCancel.bind(null, orderId)}
          submitLabel={`Cancel order ${number}`}
          pendingLabel="Cancelling…"
          variant="danger"
          testId="staff-cancel"
        >
          {(state) => (
            <TextField
              label="Reason (the customer is told)"
              name="reason"
              required
              maxLength={500}
              error={state.fieldErrors?.reason}
            />
          )}
        </StaffActionForm>
      </ActionSection>,
    );
  }

  const notes: string[] = [];
  if (!canWrite) notes.push('Your role can view orders but not change them.');
  if (!canRefund && refundableMinor !== null && refundableMinor > 0) {
    notes.push('Refunds need an order manager or an administrator.');
  }
  return (
    <div className="flex flex-col gap-4" data-testid="order-actions">
      {sections.length === 0 && notes.length === 0 ? (
        <p className="text-sm text-ink-muted">Nothing to do: this order is complete.</p>
      ) : null}
      {sections}
      {notes.map((note) => (
        <p key={note} className="text-sm text-ink-muted">
          {note}
        </p>
      ))}
    </div>
  );
}
