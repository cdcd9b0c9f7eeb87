'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/browser/trpc';

/**
 * Says so on every page while the payment cell takes test payments instead of Stripe's
 * (PAYMENTS_TEST_MODE=1 in production): shoppers must not believe an order was paid for.
 */
export function TestModeBannerView({ testMode }: { testMode: boolean }) {
  if (!testMode) return null;
  return (
    <div
      role="status"
      className="border-b border-warning/40 bg-warning-soft px-4 py-2 text-center text-sm font-medium text-warning"
    >
      Test mode: payments are simulated and no card is charged. Orders placed here are not real.
    </div>
  );
}

/** Learns the mode from `payment.config` (asked once per visit; an unreachable cell shows none). */
export function TestModeBanner() {
  const trpc = useTRPC();
  const config = useQuery({
    ...trpc.payment.config.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return <TestModeBannerView testMode={config.data?.testMode === true} />;
}
