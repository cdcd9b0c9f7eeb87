import type { AuditEntry } from './merge-audit-pages';

type Json = AuditEntry['before'];

function shown(value: Json | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 1);
}

function fieldsOf(value: Json): Record<string, Json> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
}

/**
 * Before and after, one row per field, changed fields marked; what the entry recorded instead
 * (its redacted input) when the procedure gave no before/after.
 */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  if (!before && !after) {
    return entry.input === null ? (
      <p className="text-sm text-ink-muted">No details were recorded.</p>
    ) : (
      <div>
        <p className="text-sm text-ink-muted">
          Request as recorded (secrets and personal data hidden):
        </p>
        <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-control bg-surface-sunken p-3 text-xs">
          {JSON.stringify(entry.input, null, 2)}
        </pre>
      </div>
    );
  }
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] table-fixed text-left text-sm">
        <caption className="sr-only">Fields before and after the change</caption>
        <thead>
          <tr className="text-ink-muted">
            <th scope="col" className="w-1/4 py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Before
            </th>
            <th scope="col" className="py-1 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line align-top">
          {keys.map((key) => {
            const was = before ? before[key] : undefined;
            const is = after ? after[key] : undefined;
            const changed = JSON.stringify(was) !== JSON.stringify(is);
            return (
              <tr key={key} data-testid="audit-diff-row" data-changed={changed || undefined}>
                <th scope="row" className="break-words py-1.5 pr-3 font-medium text-ink">
                  {key}
                  {changed ? <span className="sr-only"> (changed)</span> : null}
                </th>
                <td className="py-1.5 pr-3">
                  <pre
                    className={`whitespace-pre-wrap break-all font-sans ${changed ? 'text-danger' : 'text-ink-muted'}`}
                  >
                    {before ? shown(was) : 'none (created)'}
                  </pre>
                </td>
                <td className="py-1.5">
                  <pre
                    className={`whitespace-pre-wrap break-all font-sans ${changed ? 'font-medium text-success' : 'text-ink-muted'}`}
                  >
                    {after ? shown(is) : 'none (deleted)'}
                  </pre>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
