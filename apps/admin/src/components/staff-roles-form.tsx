'use client';

import type { Role } from '@shop/api/client';
import { setRoles } from '@/app/staff/actions';
import { FormMessage, SubmitButton, useFormSubmit } from '@shop/ui/form';

const staffRoleLabels: Record<string, string> = {
  admin: 'Administrator',
  catalog_manager: 'Catalog manager',
  order_manager: 'Order manager',
  support: 'Support',
  analyst: 'Analyst',
};

/** One staff member's roles as checkboxes; roles the form does not show (customer) are kept. */
export function StaffRolesForm({
  account,
  staffRoles,
}: {
  account: { id: string; name: string; email: string; roles: Role[] };
  staffRoles: readonly Role[];
}) {
  const { state, pending, onSubmit, formRef } = useFormSubmit(setRoles);
  const kept = account.roles.filter((role) => !staffRoles.includes(role));
  const error = state.fieldErrors?.roles;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="accountId" value={account.id} />
      {kept.map((role) => (
        <input key={role} type="hidden" name="roles" value={role} />
      ))}
      <fieldset aria-describedby={error ? `roles-${account.id}-error` : undefined}>
        <legend className="sr-only">Roles of {account.name}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {staffRoles.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={account.roles.includes(role)}
                className="size-4 accent-accent-600"
              />
              {staffRoleLabels[role] ?? role}
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p id={`roles-${account.id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      <FormMessage state={state} />
      <div>
        <SubmitButton size="sm" variant="secondary" pending={pending} pendingLabel="Saving…">
          Save roles<span className="sr-only"> of {account.name}</span>
        </SubmitButton>
      </div>
    </form>
  );
}
