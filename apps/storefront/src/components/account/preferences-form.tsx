'use client';

import { Card, CardBody, CardHeader, SelectField } from '@shop/ui';
import { updatePreferences } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { currencyChoices, languageChoices } from './preference-choices';

export function PreferencesForm({
  preferences,
}: {
  preferences: { marketingConsent: boolean; language: string; currency: string };
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(updatePreferences);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader title="Preferences" description="Language, currency and what we may email you." />
      <CardBody>
        <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
          <FormMessage state={state} />
          <div className="grid gap-5 sm:grid-cols-2">
            <SelectField
              label="Language"
              name="language"
              defaultValue={preferences.language}
              options={languageChoices}
              error={errors.language}
            />
            <SelectField
              label="Currency"
              name="currency"
              defaultValue={preferences.currency}
              options={currencyChoices}
              hint="Prices are shown in it where the shop can."
              error={errors.currency}
            />
          </div>
          <div className="flex items-start gap-3">
            <input
              id="marketing-consent"
              type="checkbox"
              name="marketingConsent"
              defaultChecked={preferences.marketingConsent}
              aria-describedby="marketing-consent-hint"
              className="mt-0.5 size-5 shrink-0 rounded border-line-strong accent-accent-600"
            />
            <div>
              <label htmlFor="marketing-consent" className="text-sm font-medium text-ink">
                Email me about new products and offers
              </label>
              <p id="marketing-consent-hint" className="text-sm text-ink-muted">
                At most once a week. You can stop at any time here or from any such email.
              </p>
            </div>
          </div>
          <div>
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save preferences
            </SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
