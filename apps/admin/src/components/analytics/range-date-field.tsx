/**
 * One end of the report range: a labelled date input. A range the reports cannot cover marks
 * both ends invalid and ties them to the one sentence saying why (`problemId`).
 */
export function RangeDateField({
  name,
  label,
  value,
  className,
  problemId,
}: {
  name: 'from' | 'to';
  label: string;
  value: string;
  className: string;
  problemId?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm text-ink-muted">
      {label}
      <input
        type="date"
        name={name}
        defaultValue={value}
        className={className}
        required
        aria-invalid={problemId ? true : undefined}
        aria-describedby={problemId}
      />
    </label>
  );
}
