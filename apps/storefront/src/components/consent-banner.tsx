'use client';

import { Button } from '@shop/ui';
import { useEffect, useId, useState } from 'react';

type Choice = 'granted' | 'denied';
type Mode = 'opt-in' | 'opt-out';

const cookieName = 'shop_analytics_consent';
const oneYear = 365 * 24 * 60 * 60;

function savedChoice(): Choice | undefined {
  const match = new RegExp(`(?:^|;\\s*)${cookieName}=(granted|denied)(?:;|$)`).exec(
    document.cookie,
  );
  return match?.[1] as Choice | undefined;
}

/** Whether the browser sends Global Privacy Control: a standing no, so nobody is asked. */
function sendsGpc(): boolean {
  return (
    (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true
  );
}

/**
 * First-party analytics consent. Shown only when it can matter: the store's mode asks (`opt-in`)
 * or lets shoppers refuse (`opt-out`), the shopper has not answered, and the browser does not send
 * Global Privacy Control (then the answer is already no; `/api/events` reads `Sec-GPC`). The
 * answer is the `shop_analytics_consent` cookie the events route reads. It floats over the page
 * bottom (fixed), so nothing on the page moves when it appears; it is a labelled region, not a
 * dialog, so the page stays usable with the keyboard while it is open.
 */
export function ConsentBanner() {
  const [mode, setMode] = useState<Mode>();
  const headingId = useId();

  useEffect(() => {
    if (savedChoice() || sendsGpc()) return;
    let cancelled = false;
    fetch('/api/events', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { consentMode?: string } | null) => {
        const policy = body?.consentMode;
        if (!cancelled && (policy === 'opt-in' || policy === 'opt-out')) setMode(policy);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  if (!mode) return null;
  const choose = (choice: Choice) => {
    const secure = window.location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `${cookieName}=${choice}; Path=/; Max-Age=${oneYear}; SameSite=Lax${secure}`;
    setMode(undefined);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid="consent-banner"
      className="fixed inset-x-3 bottom-3 z-40 mx-auto max-w-2xl rounded-lg border border-line bg-surface p-4 shadow-lg sm:inset-x-6"
    >
      <h2 id={headingId} className="text-sm font-semibold text-ink">
        Your browsing and your account
      </h2>
      <p className="mt-1 text-sm text-ink-muted">
        {mode === 'opt-in'
          ? 'We count visits without knowing who you are. May we link what you browse here to your account when you are signed in, to improve the shop? Only this shop sees it; no third parties.'
          : 'When you are signed in we link what you browse here to your account, to improve the shop. Only this shop sees it; no third parties. You can say no.'}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="primary" onClick={() => choose('granted')}>
          {mode === 'opt-in' ? 'Yes, link it' : 'That’s fine'}
        </Button>
        <Button size="sm" variant="secondary" onClick={() => choose('denied')}>
          {mode === 'opt-in' ? 'No, thanks' : 'No, don’t link it'}
        </Button>
      </div>
    </section>
  );
}
