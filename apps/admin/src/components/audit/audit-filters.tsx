import { buttonClassNames, SelectField, TextField } from '@shop/ui';
import { domains } from '@shop/api/client';
import type { Route } from 'next';
import Link from 'next/link';
import type { AuditFilters } from './audit-search-params';

/** The log's filters as a GET form: every filter is in the URL, so a view can be shared. */
export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  return (
    <form
      action="/audit"
      role="search"
      aria-label="Filter the audit log"
      className="grid gap-4 rounded-card border border-line bg-surface p-4 shadow-card sm:grid-cols-2 lg:grid-cols-4"
    >
      <TextField
        label="Person"
        name="person"
        defaultValue={filters.person}
        hint="Email or account id"
        autoComplete="off"
      />
      <TextField
        label="Action"
        name="action"
        defaultValue={filters.action}
        hint="e.g. update or product.update"
      />
      <TextField
        label="Object type"
        name="objectType"
        defaultValue={filters.objectType}
        hint="e.g. product, order, customer"
      />
      <TextField label="Object id" name="objectId" defaultValue={filters.objectId} />
      <SelectField
        label="Service"
        name="cell"
        defaultValue={filters.cell ?? ''}
        options={[
          { value: '', label: 'All services' },
          ...domains.map((domain) => ({ value: domain, label: domain })),
        ]}
      />
      <TextField label="From (UTC day)" name="from" type="date" defaultValue={filters.from} />
      <TextField label="To (UTC day)" name="to" type="date" defaultValue={filters.to} />
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClassNames({ variant: 'primary' })}>
          Apply filters
        </button>
        <Link href={'/audit' as Route} className={buttonClassNames({ variant: 'secondary' })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
