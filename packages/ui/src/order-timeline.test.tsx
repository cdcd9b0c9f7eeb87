import { describe, expect, it } from 'vitest';
import { orderStatusLabel } from './order-status-badge';
import { formatOrderTime, timelineSteps } from './order-timeline';

const at = '2026-11-24T02:11:00.000Z';

describe('the order timeline', () => {
  it('shows what a confirmed order has been through and what is still ahead', () => {
    const steps = timelineSteps('CONFIRMED', [
      { to: 'PENDING', at, actorType: 'customer' },
      { from: 'PENDING', to: 'PAYMENT_PROCESSING', at, actorType: 'system' },
      { from: 'PAYMENT_PROCESSING', to: 'CONFIRMED', at, actorType: 'system' },
    ]);
    expect(steps.map((step) => (step.kind === 'upcoming' ? step.status : step.entry.to))).toEqual([
      'PENDING',
      'PAYMENT_PROCESSING',
      'CONFIRMED',
      'PROCESSING',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(steps.filter((step) => step.kind === 'reached' && step.current)).toHaveLength(1);
  });

  it('ends a cancelled order on the cancellation, with nothing ahead', () => {
    const steps = timelineSteps('CANCELLED', [
      { to: 'PENDING', at, actorType: 'customer' },
      { from: 'PENDING', to: 'CANCELLED', at, actorType: 'system', reason: 'Sold out' },
    ]);
    expect(steps.at(-1)).toMatchObject({ kind: 'reached', entry: { to: 'CANCELLED' } });
    expect(steps.some((step) => step.kind === 'upcoming')).toBe(false);
  });

  it('shows a refund recorded on a confirmed order as a note, not as a second Confirmed step', () => {
    const steps = timelineSteps('CONFIRMED', [
      { to: 'PENDING', at, actorType: 'customer' },
      { from: 'PENDING', to: 'CONFIRMED', at, actorType: 'system' },
      { from: 'CONFIRMED', to: 'CONFIRMED', at, actorType: 'staff', reason: 'Refunded €0.01' },
    ]);
    expect(steps.map((step) => step.kind)).toEqual([
      'reached',
      'reached',
      'note',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(steps[1]).toMatchObject({ kind: 'reached', current: true });
  });

  it('says statuses in words and times with their zone', () => {
    expect(orderStatusLabel('PROCESSING')).toBe('Being prepared');
    expect(orderStatusLabel('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(formatOrderTime(at)).toBe('24 Nov 2026, 02:11 UTC');
  });
});
