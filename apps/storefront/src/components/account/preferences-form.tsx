'use client';

import { Card, CardBody, CardHeader, SelectField } from '@shop/ui';
import { updatePreferences } from '@/app/(account)/_actions/account';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';
import { currencyChoices, languageChoices } from './preference-choices';

export function PreferencesForm({
  preferences,
}: {
  preferences: { language: string; currency: string };
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(updatePreferences);
  const errors = state.fieldErrors ?? {};
  return (
    <Card>
      <CardHeader title="Preferences" description="Language and currency." />
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
