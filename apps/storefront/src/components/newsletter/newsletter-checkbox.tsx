'use client';

import { consentWording } from './consent-wording';

/** The checkout's newsletter box: unticked unless the shopper ticks it (consent is never assumed). */
export function NewsletterCheckbox({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id="checkout-newsletter"
        type="checkbox"
        name="newsletter"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="mt-0.5 size-5 shrink-0 rounded border-line-strong accent-accent-600"
      />
      <label htmlFor="checkout-newsletter" className="text-sm text-ink-muted">
        {consentWording.checkout}
      </label>
    </div>
  );
}
