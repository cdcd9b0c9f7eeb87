'use client';

import { Card, CardBody, CardHeader } from '@shop/ui';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { setNewsletter } from '@/app/(account)/_actions/account';
import { consentWording } from '@/components/newsletter/consent-wording';

const statusText = {
  none: 'You do not get the newsletter.',
  pending: 'We have emailed you a link: follow it to confirm your subscription.',
  subscribed: 'You get the newsletter.',
  unsubscribed: 'You do not get the newsletter.',
} as const;

/**
 * The account's newsletter switch. Ticking it asks for a confirmation by email (double opt-in);
 * unticking unsubscribes at once. The wording next to the box is the one stored with the consent.
 */
export function NewsletterPreference({ status }: { status: keyof typeof statusText }) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(setNewsletter);
  return (
    <Card>
      <CardHeader title="Newsletter" description={statusText[status]} />
      <CardBody>
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
          <FormMessage state={state} />
          <div className="flex items-start gap-3">
            <input
              id="newsletter-consent"
              type="checkbox"
              name="subscribed"
              defaultChecked={status === 'subscribed' || status === 'pending'}
              className="mt-0.5 size-5 shrink-0 rounded border-line-strong accent-accent-600"
            />
            <label htmlFor="newsletter-consent" className="text-sm text-ink">
              {consentWording.account}
            </label>
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save newsletter choice
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
