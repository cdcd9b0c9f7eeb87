/** Joins the truthy class names; lets components take optional `className` overrides. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
