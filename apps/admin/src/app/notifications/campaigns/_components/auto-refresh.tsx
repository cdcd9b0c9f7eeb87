'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/**
 * Re-renders the page from the server every `seconds` while `active` (a campaign that is
 * sending), and says when it last did. Stops when the tab is hidden, so an open tab in the
 * background does not keep asking.
 */
export function AutoRefresh({ active, seconds = 3 }: { active: boolean; seconds?: number }) {
  const router = useRouter();
  const [at, setAt] = useState<string | null>(null);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      router.refresh();
      setAt(new Date().toLocaleTimeString('en-GB'));
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds, router]);
  if (!active) return null;
  return (
    <p className="text-xs text-ink-muted" data-testid="auto-refresh">
      Updates every {seconds} seconds while sending{at ? `; last at ${at}` : ''}.
    </p>
  );
}
