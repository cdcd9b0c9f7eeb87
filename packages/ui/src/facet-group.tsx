import { classNames } from './class-names';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetGroupProps {
  /** The form field name the checked values are submitted under (the URL search parameter). */
  name: string;
  legend: string;
  options: FacetOption[];
  /** `radio`: one value at a time (a minimum rating); `checkbox`: any number. */
  type?: 'checkbox' | 'radio';
  /** Options beyond this many are folded behind "Show more" (a native disclosure). */
  visibleCount?: number;
  className?: string;
}

/**
 * One filter as a fieldset of real checkboxes (or radios) with counts, for a GET form: it works
 * without JavaScript, and the URL it submits is the shareable state of the listing. Options with
 * no matches stay visible but disabled, unless selected (so they can be cleared).
 */
export function FacetGroup({
  name,
  legend,
  options,
  type = 'checkbox',
  visibleCount = 8,
  className,
}: FacetGroupProps) {
  if (options.length === 0) return null;
  const shown = options.slice(0, visibleCount);
  const folded = options.slice(visibleCount);
  return (
    <fieldset className={classNames('border-t border-line py-4', className)} data-facet={name}>
      <legend className="float-left mb-2 w-full text-sm font-semibold text-ink">{legend}</legend>
      <ul className="clear-left flex flex-col gap-1">
        {shown.map((option) => (
          <FacetOptionRow key={option.value} name={name} type={type} option={option} />
        ))}
      </ul>
      {folded.length > 0 ? (
        <details className="group mt-1" open={folded.some((option) => option.selected)}>
          <summary className="cursor-pointer list-none rounded-control py-1 text-sm font-medium text-accent-700 hover:underline">
            <span className="group-open:hidden">Show {folded.length} more</span>
            <span className="hidden group-open:inline">Show fewer</span>
          </summary>
          <ul className="flex flex-col gap-1">
            {folded.map((option) => (
              <FacetOptionRow key={option.value} name={name} type={type} option={option} />
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}

function FacetOptionRow({
  name,
  type,
  option,
}: {
  name: string;
  type: 'checkbox' | 'radio';
  option: FacetOption;
}) {
  const empty = option.count === 0 && !option.selected;
  return (
    <li>
      <label
        className={classNames(
          'flex cursor-pointer items-center gap-2.5 rounded-control px-1 py-1 text-sm hover:bg-surface-sunken',
          empty && 'cursor-not-allowed text-ink-subtle hover:bg-transparent',
        )}
      >
        <input
          type={type}
          name={name}
          value={option.value}
          defaultChecked={option.selected}
          disabled={empty}
          className="size-4 shrink-0 accent-accent-600"
        />
        <span className="min-w-0 flex-1 truncate">{option.label}</span>
        <span className="text-xs text-ink-subtle tabular-nums" data-testid="facet-count">
          {option.count}
        </span>
      </label>
    </li>
  );
}
